package dev.callcenter.core.acd;

import dev.callcenter.core.Department;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One queue's figures over a time window, and the KPIs derived from them (formulas in {@code docs/kpis.md}).
 * A ratio over nothing (no answered call, no staffed time) is empty, never a made-up 0 or 100 %.
 *
 * @param answered calls answered from the queue in the window (A)
 * @param answeredWithinThreshold of those, answered after waiting at most T (A_T)
 * @param abandoned calls abandoned while waiting in the queue in the window (Ab), short abandons included
 * @param abandonedWithinThreshold of those, abandoned after waiting at most T (Ab_T)
 * @param shortAbandons of those, abandoned after waiting less than the short-abandon threshold (Ab_short)
 * @param totalAnswerWait the waits of the answered calls, summed
 * @param handled talk segments of agents of the queue's calls that ended in the window (H)
 * @param talkTime their talk time, summed
 * @param wrapUpTime wrap-up time of the department's agents in the window
 * @param longestWait the longest wait of a call that left the queue in the window or still waited at its end
 * @param staffedTime time the department's agents were available, reserved, busy or in wrap-up in the window
 * @param handlingTime of that, time busy or in wrap-up
 * @param agentsAvailable the department's agents available (idle) at the end of the window
 */
public record QueueKpis(
    Department queue,
    long answered,
    long answeredWithinThreshold,
    long abandoned,
    long abandonedWithinThreshold,
    long shortAbandons,
    Duration totalAnswerWait,
    long handled,
    Duration talkTime,
    Duration wrapUpTime,
    Duration longestWait,
    Duration staffedTime,
    Duration handlingTime,
    int agentsAvailable) {

  /** A_T ÷ A. */
  public OptionalDouble serviceLevel() {
    return ratio(answeredWithinThreshold, answered);
  }

  /** (A_T + Ab_T) ÷ (A + Ab): abandons within T count as served in time. */
  public OptionalDouble serviceLevelCountingAbandons() {
    return ratio(answeredWithinThreshold + abandonedWithinThreshold, answered + abandoned);
  }

  /** Σ answer wait ÷ A. */
  public Optional<Duration> averageSpeedOfAnswer() {
    return answered == 0 ? Optional.empty() : Optional.of(totalAnswerWait.dividedBy(answered));
  }

  /** (Σ talk + Σ wrap-up) ÷ H. */
  public Optional<Duration> averageHandleTime() {
    return handled == 0 ? Optional.empty() : Optional.of(talkTime.plus(wrapUpTime).dividedBy(handled));
  }

  /** (Ab − Ab_short) ÷ (A + Ab − Ab_short). */
  public OptionalDouble abandonmentRate() {
    return ratio(abandoned - shortAbandons, answered + abandoned - shortAbandons);
  }

  /** handling time ÷ staffed time. */
  public OptionalDouble occupancy() {
    return ratio(handlingTime.toNanos(), staffedTime.toNanos());
  }

  static OptionalDouble ratio(long numerator, long denominator) {
    return denominator == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) numerator / denominator);
  }
}
