package dev.callcenter.core.store;

import java.util.List;
import java.util.function.Function;

/**
 * One slice of a list.
 *
 * @param total how many records match the query in all
 */
public record Page<T>(List<T> items, long total, int offset, int limit) {
  public Page {
    items = List.copyOf(items);
  }

  public boolean hasNext() {
    return offset + items.size() < total;
  }

  public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
    return new Page<>(items.stream().<R>map(mapper).toList(), total, offset, limit);
  }
}
