package dev.callcenter.sip;

import dev.callcenter.core.internal.Checks;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task after a delay: the DTMF collect timeouts of the {@link TelephonyBridge}. Injected so that tests run
 * on a manual clock.
 */
@FunctionalInterface
public interface Scheduler {
  /** Runs {@code task} once after {@code delay}, unless cancelled first. */
  Cancellable schedule(Duration delay, Runnable task);

  /** A scheduled task that may be cancelled; cancelling twice or after it ran does nothing. */
  @FunctionalInterface
  interface Cancellable {
    void cancel();
  }

  /** On a {@link ScheduledExecutorService}. */
  static Scheduler of(ScheduledExecutorService executor) {
    Checks.notNull(executor, "executor");
    return (delay, task) -> {
      ScheduledFuture<?> future = executor.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
      return () -> future.cancel(false);
    };
  }
}
