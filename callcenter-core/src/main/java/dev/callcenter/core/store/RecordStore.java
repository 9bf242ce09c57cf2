package dev.callcenter.core.store;

import dev.callcenter.core.AlreadyExistsException;
import dev.callcenter.core.NotFoundException;
import dev.callcenter.core.VersionConflictException;
import java.util.Optional;

/**
 * The operations every versioned store shares. Writes are compare-and-set on {@link Versioned#version()}: a
 * write made from a stale snapshot fails with {@link VersionConflictException} and changes nothing.
 *
 * @param <K> the key type
 * @param <T> the record type
 */
public interface RecordStore<K, T extends Versioned<T>> {
  /**
   * Stores a new record, which must be at version 0, and returns it at version 1.
   *
   * @throws AlreadyExistsException when the key is taken
   */
  T insert(T record);

  Optional<T> find(K key);

  /**
   * The record with this key.
   *
   * @throws NotFoundException when there is none
   */
  default T get(K key) {
    return find(key).orElseThrow(() -> NotFoundException.of(kind(), key));
  }

  /**
   * Replaces the stored record if it is still at {@code record.version()}; returns it at the next version.
   *
   * @throws VersionConflictException when the stored version differs
   * @throws NotFoundException when there is no such record
   */
  T update(T record);

  /**
   * Deletes the record if it is still at {@code record.version()}.
   *
   * @throws VersionConflictException when the stored version differs
   * @throws NotFoundException when there is no such record
   */
  void delete(T record);

  /** What the records are called in messages ("call", "agent"). */
  String kind();
}
