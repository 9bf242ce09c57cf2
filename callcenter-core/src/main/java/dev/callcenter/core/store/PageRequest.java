package dev.callcenter.core.store;

import dev.callcenter.core.internal.Checks;

/**
 * Which slice of a list to return.
 *
 * @param offset how many matching records to skip
 * @param limit how many to return, 1 to {@link #MAX_LIMIT}
 */
public record PageRequest(int offset, int limit) {
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 1000;

  public PageRequest {
    Checks.inRange(offset, 0, Integer.MAX_VALUE, "offset");
    Checks.inRange(limit, 1, MAX_LIMIT, "limit");
  }

  public static PageRequest first(int limit) {
    return new PageRequest(0, limit);
  }

  public static PageRequest of(int offset, int limit) {
    return new PageRequest(offset, limit);
  }

  public PageRequest next() {
    return new PageRequest(offset + limit, limit);
  }
}
