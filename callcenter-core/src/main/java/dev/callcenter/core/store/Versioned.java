package dev.callcenter.core.store;

/**
 * A record stored with compare-and-set. {@link #version()} is the stored version the snapshot was read at (0
 * before the first insert); a store writes a snapshot only if its version is still current, and returns it with
 * the next version.
 *
 * @param <T> the record type itself
 */
public interface Versioned<T extends Versioned<T>> {
  long version();

  /** The same record at another version; stores call this, applications never need to. */
  T withVersion(long version);

  /** The unique key of the record, as text. */
  String key();
}
