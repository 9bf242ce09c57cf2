package dev.callcenter.ivr.internal;

import java.util.Arrays;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A small String map edited within one step (a session's flow state, a step's answers): keys and values in two
 * arrays searched in order, since a session holds a handful of keys. {@link #toMap()} makes the immutable map a call
 * keeps straight from the arrays, without the entry objects, table and copy a {@code HashMap} would need. Null keys
 * and values are not allowed. Not thread-safe: it lives for one step.
 */
final class DraftMap {
  private String[] keys;
  private String[] values;
  private int size;

  DraftMap(int capacity) {
    keys = new String[capacity];
    values = new String[capacity];
  }

  /** A draft starting from {@code map}'s entries, with room for a few more. */
  static DraftMap of(Map<String, String> map) {
    DraftMap draft = new DraftMap(map.size() + 4);
    for (Map.Entry<String, String> e : map.entrySet()) {
      draft.keys[draft.size] = e.getKey();
      draft.values[draft.size++] = e.getValue();
    }
    return draft;
  }

  private int indexOf(String key) {
    int hash = key.hashCode(); // cached in the String, as the keys are mostly the same constants
    for (int i = 0; i < size; i++) {
      String k = keys[i];
      if (k == key || (k.hashCode() == hash && k.equals(key))) {
        return i;
      }
    }
    return -1;
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  boolean containsKey(String key) {
    return indexOf(key) >= 0;
  }

  @Nullable String get(String key) {
    int i = indexOf(key);
    return i < 0 ? null : values[i];
  }

  String getOrDefault(String key, String otherwise) {
    int i = indexOf(key);
    return i < 0 ? otherwise : values[i];
  }

  void put(String key, String value) {
    int i = indexOf(key);
    if (i >= 0) {
      values[i] = value;
      return;
    }
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2 + 2);
      values = Arrays.copyOf(values, size * 2 + 2);
    }
    keys[size] = key;
    values[size++] = value;
  }

  void putIfAbsent(String key, String value) {
    if (indexOf(key) < 0) {
      put(key, value);
    }
  }

  void putAll(DraftMap other) {
    for (int i = 0; i < other.size; i++) {
      put(other.keys[i], other.values[i]);
    }
  }

  /** Removes {@code key}; returns its value, or null when it had none. */
  @Nullable String remove(String key) {
    int i = indexOf(key);
    if (i < 0) {
      return null;
    }
    String old = values[i];
    size--;
    keys[i] = keys[size]; // order does not matter: the immutable map has none
    values[i] = values[size];
    keys[size] = null;
    values[size] = null;
    return old;
  }

  /** Whether {@code map} has exactly these entries. */
  boolean sameAs(Map<String, String> map) {
    if (map.size() != size) {
      return false;
    }
    for (int i = 0; i < size; i++) {
      if (!values[i].equals(map.get(keys[i]))) {
        return false;
      }
    }
    return true;
  }

  /** The entries as an immutable map ({@code Map.copyOf} of it is the map itself). */
  Map<String, String> toMap() {
    String[] k = keys;
    String[] v = values;
    return switch (size) {
      case 0 -> Map.of();
      case 1 -> Map.of(k[0], v[0]);
      case 2 -> Map.of(k[0], v[0], k[1], v[1]);
      case 3 -> Map.of(k[0], v[0], k[1], v[1], k[2], v[2]);
      case 4 -> Map.of(k[0], v[0], k[1], v[1], k[2], v[2], k[3], v[3]);
      case 5 -> Map.of(k[0], v[0], k[1], v[1], k[2], v[2], k[3], v[3], k[4], v[4]);
      default -> {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Map.Entry<String, String>[] entries = new Map.Entry[size];
        for (int i = 0; i < size; i++) {
          entries[i] = Map.entry(k[i], v[i]);
        }
        yield Map.ofEntries(entries);
      }
    };
  }

  @Override
  public String toString() {
    return toMap().toString();
  }
}
