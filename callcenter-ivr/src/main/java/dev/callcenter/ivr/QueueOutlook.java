package dev.callcenter.ivr;

import dev.callcenter.core.CallCenter;
import dev.callcenter.core.CallStatus;
import dev.callcenter.core.Department;
import dev.callcenter.core.Priority;
import dev.callcenter.core.internal.Checks;
import dev.callcenter.core.store.CallQuery;
import dev.callcenter.core.store.PageRequest;
import java.time.Duration;
import java.util.Optional;

/**
 * Tells the QUEUE stage where a call will stand, so that its position and estimated wait are announced. Without
 * one the caller only hears "please hold".
 */
@FunctionalInterface
public interface QueueOutlook {
  /**
   * Position (1 = next) and estimated wait of a call about to join {@code department}'s queue.
   *
   * @param position 1-based place in the queue once enqueued
   */
  record Estimate(int position, Duration expectedWait) {
    public Estimate {
      Checks.inRange(position, 1, Integer.MAX_VALUE, "position");
      Checks.notNull(expectedWait, "expectedWait");
    }
  }

  Optional<Estimate> estimate(Department department, Priority priority);

  /** Announces nothing. */
  static QueueOutlook none() {
    return (department, priority) -> Optional.empty();
  }

  /**
   * Counts the calls waiting in {@code center}'s queue for the department and assumes each takes
   * {@code averageHandle}; a rough but honest estimate for a single node.
   */
  static QueueOutlook counting(CallCenter center, Duration averageHandle) {
    Checks.notNull(center, "center");
    Checks.notNull(averageHandle, "averageHandle");
    return (department, priority) -> {
      long waiting = center.listCalls(CallQuery.withStatus(CallStatus.IN_QUEUE).inDepartment(department),
          PageRequest.of(0, 1)).total();
      int position = (int) Math.min(Integer.MAX_VALUE - 1, waiting) + 1;
      return Optional.of(new Estimate(position, averageHandle.multipliedBy(position)));
    };
  }
}
