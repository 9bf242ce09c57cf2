package dev.callcenter.core.internal;

import dev.callcenter.core.AlreadyExistsException;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.NotFoundException;
import dev.callcenter.core.VersionConflictException;
import dev.callcenter.core.store.Page;
import dev.callcenter.core.store.PageRequest;
import dev.callcenter.core.store.Versioned;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Compare-and-set storage of versioned records in a map, shared by every in-memory store of the SDK. Not public
 * API.
 */
public final class InMemoryRecords<T extends Versioned<T>> {
  private final String kind;
  private final Comparator<T> order;
  private final ConcurrentHashMap<String, T> records = new ConcurrentHashMap<>();

  public InMemoryRecords(String kind, Comparator<T> order) {
    this.kind = kind;
    this.order = order;
  }

  public T insert(T record) {
    Checks.notNull(record, kind);
    if (record.version() != 0) {
      throw InvalidInputException.of("version", "a new %s must be at version 0, was %d", kind, record.version());
    }
    T stored = record.withVersion(1);
    if (records.putIfAbsent(record.key(), stored) != null) {
      throw AlreadyExistsException.of(kind, record.key());
    }
    return stored;
  }

  public Optional<T> find(String key) {
    return Optional.ofNullable(records.get(key));
  }

  public T update(T record) {
    Checks.notNull(record, kind);
    T next = record.withVersion(record.version() + 1);
    T result = records.compute(record.key(), (key, current) -> {
      if (current == null) {
        throw NotFoundException.of(kind, key);
      }
      if (current.version() != record.version()) {
        throw VersionConflictException.of(kind, key, record.version(), current.version());
      }
      return next;
    });
    return result;
  }

  public void delete(T record) {
    Checks.notNull(record, kind);
    records.compute(record.key(), (key, current) -> {
      if (current == null) {
        throw NotFoundException.of(kind, key);
      }
      if (current.version() != record.version()) {
        throw VersionConflictException.of(kind, key, record.version(), current.version());
      }
      return null;
    });
  }

  public Page<T> list(Predicate<? super T> filter, PageRequest page) {
    List<T> matching = stream(filter).toList();
    int from = Math.min(page.offset(), matching.size());
    int to = (int) Math.min((long) from + page.limit(), matching.size());
    return new Page<>(matching.subList(from, to), matching.size(), page.offset(), page.limit());
  }

  public void forEach(Predicate<? super T> filter, Consumer<? super T> sink) {
    stream(filter).forEach(sink);
  }

  /** Every matching record, in the store's order. */
  public Stream<T> stream(Predicate<? super T> filter) {
    return records.values().stream().filter(filter).sorted(order);
  }

  public int size() {
    return records.size();
  }
}
