package dev.callcenter.rules.internal;

import java.util.Arrays;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The stored values of one set of facts, indexed by {@link FactKind#slot()}; absent numbers are NaN. */
public final class FactValues {
  public final @Nullable String[] strings = new String[FactKind.STRING_SLOTS];
  public final double[] numbers = new double[FactKind.NUMBER_SLOTS];
  public Set<String> keywords = Set.of();
  public boolean keywordsSet;
  public long epochSecond;
  public boolean hasTime;

  public FactValues() {
    Arrays.fill(numbers, Double.NaN);
  }

  /** The value of a fact for explanations and display, or null when absent. */
  public @Nullable Object value(FactKind kind) {
    switch (kind.type()) {
      case STRING:
        return strings[kind.slot()];
      case NUMBER: {
        double v = numbers[kind.slot()];
        return Double.isNaN(v) ? null : v;
      }
      case BOOLEAN: {
        double v = numbers[kind.slot()];
        return Double.isNaN(v) ? null : v != 0;
      }
      case SET:
        return keywordsSet ? keywords : null;
      case TIME:
        return hasTime ? java.time.Instant.ofEpochSecond(epochSecond) : null;
      default:
        throw new AssertionError(kind);
    }
  }
}
