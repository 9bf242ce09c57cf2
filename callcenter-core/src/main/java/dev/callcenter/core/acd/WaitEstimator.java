package dev.callcenter.core.acd;

import java.time.Duration;

/**
 * Estimates how long a waiting caller at a given position will still wait. Formulas in {@code docs/kpis.md}.
 */
@FunctionalInterface
public interface WaitEstimator {
  /**
   * @param position 1 for the next call to be served
   * @return the estimate, never negative
   */
  Duration estimate(QueueSnapshot queue, int position);

  /** {@code position × secondsPerPlace}: the moving average of recent waits, normalised per place. The default. */
  static WaitEstimator movingAverage() {
    return (queue, position) -> seconds(position * queue.secondsPerPlace());
  }

  /**
   * Erlang C with N staffed agents, offered load A = arrivals per second × average handle time:
   * {@code ASA + (position − 1) × AHT ÷ N} with {@code ASA = C(N, A) × AHT ÷ (N − A)}; when A ≥ N (overload),
   * {@code position × AHT ÷ N}. Falls back to {@link #movingAverage()} while there is no handle time or no agent.
   */
  static WaitEstimator erlangC() {
    return (queue, position) -> {
      int n = queue.staffedAgents();
      double aht = queue.averageHandleTime().toNanos() / 1e9;
      if (n == 0 || aht <= 0) {
        return movingAverage().estimate(queue, position);
      }
      double load = queue.arrivalsPerSecond() * aht;
      if (load >= n) {
        return seconds(position * aht / n);
      }
      double asa = ErlangC.probabilityOfWaiting(n, load) * aht / (n - load);
      return seconds(asa + (position - 1) * aht / n);
    };
  }

  private static Duration seconds(double value) {
    if (!(value > 0)) {
      return Duration.ZERO;
    }
    return Duration.ofNanos((long) Math.min(value * 1e9, (double) Long.MAX_VALUE));
  }
}
