package dev.callcenter.core.acd;

import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.internal.Checks;
import java.time.Duration;

/**
 * Thresholds of the KPIs (formulas in {@code docs/kpis.md}).
 *
 * @param serviceLevelThreshold T of the service level: a call answered (or abandoned) within T met it
 * @param shortAbandonThreshold calls abandoned after waiting less than this are short abandons, left out of the
 *     abandonment rate
 */
public record KpiSettings(Duration serviceLevelThreshold, Duration shortAbandonThreshold) {
  public static final Duration DEFAULT_SERVICE_LEVEL_THRESHOLD = Duration.ofSeconds(20);
  public static final Duration DEFAULT_SHORT_ABANDON_THRESHOLD = Duration.ofSeconds(5);
  public static final KpiSettings DEFAULTS =
      new KpiSettings(DEFAULT_SERVICE_LEVEL_THRESHOLD, DEFAULT_SHORT_ABANDON_THRESHOLD);

  public KpiSettings {
    Checks.notNull(serviceLevelThreshold, "serviceLevelThreshold");
    Checks.notNull(shortAbandonThreshold, "shortAbandonThreshold");
    if (serviceLevelThreshold.isNegative() || serviceLevelThreshold.isZero()) {
      throw InvalidInputException.of("serviceLevelThreshold", "must be positive, was %s", serviceLevelThreshold);
    }
    if (shortAbandonThreshold.isNegative()) {
      throw InvalidInputException.of("shortAbandonThreshold", "must not be negative, was %s",
          shortAbandonThreshold);
    }
  }
}
