package dev.callcenter.core;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What an agent has handled.
 *
 * @param callsHandled calls answered and finished
 * @param talkTime total time spent in answered calls
 * @param lastCallEndedAt when the last handled call ended (the start of idle time for longest-idle routing)
 */
public record AgentStats(long callsHandled, Duration talkTime, @Nullable Instant lastCallEndedAt) {
  public static final AgentStats NONE = new AgentStats(0, Duration.ZERO, null);

  /** These statistics plus one handled call of {@code talk} that ended at {@code endedAt}. */
  public AgentStats plusCall(Duration talk, Instant endedAt) {
    return new AgentStats(callsHandled + 1, talkTime.plus(talk), endedAt);
  }
}
