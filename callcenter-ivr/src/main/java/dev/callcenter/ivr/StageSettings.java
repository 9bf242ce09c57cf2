package dev.callcenter.ivr;

import dev.callcenter.core.internal.Checks;
import java.time.Duration;

/**
 * How long a stage waits for input and how often it asks again before the call falls back to reception.
 *
 * @param timeout how long to wait for the first key or for speech
 * @param maxRetries how many times the question is asked again after no input or a wrong answer
 */
public record StageSettings(Duration timeout, int maxRetries) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(8);
  public static final int DEFAULT_MAX_RETRIES = 2;
  public static final StageSettings DEFAULT = new StageSettings(DEFAULT_TIMEOUT, DEFAULT_MAX_RETRIES);

  public StageSettings {
    Checks.notNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(5)) > 0) {
      throw dev.callcenter.core.InvalidInputException.of("timeout", "must be between 1 ms and 5 minutes, was %s",
          timeout);
    }
    Checks.inRange(maxRetries, 0, 10, "maxRetries");
  }
}
