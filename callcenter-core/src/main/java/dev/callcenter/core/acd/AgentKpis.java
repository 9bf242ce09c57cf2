package dev.callcenter.core.acd;

import dev.callcenter.core.AgentId;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One agent's figures over a time window (formulas in {@code docs/kpis.md}).
 *
 * @param answered calls the agent answered from a queue in the window
 * @param handled the agent's talk segments that ended in the window
 * @param talkTime their talk time, summed
 * @param wrapUpTime the agent's wrap-up time in the window
 * @param staffedTime time available, reserved, busy or in wrap-up in the window
 * @param handlingTime of that, time busy or in wrap-up
 * @param availableAtEnd whether the agent was available (idle) at the end of the window
 */
public record AgentKpis(AgentId agentId, long answered, long handled, Duration talkTime, Duration wrapUpTime,
    Duration staffedTime, Duration handlingTime, boolean availableAtEnd) {

  /** (Σ talk + Σ wrap-up) ÷ handled. */
  public Optional<Duration> averageHandleTime() {
    return handled == 0 ? Optional.empty() : Optional.of(talkTime.plus(wrapUpTime).dividedBy(handled));
  }

  /** handling time ÷ staffed time. */
  public OptionalDouble occupancy() {
    return QueueKpis.ratio(handlingTime.toNanos(), staffedTime.toNanos());
  }
}
