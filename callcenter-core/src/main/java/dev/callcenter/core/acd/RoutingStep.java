package dev.callcenter.core.acd;

import dev.callcenter.core.Department;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.Skill;
import dev.callcenter.core.internal.Checks;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One step of a queue's routing plan, in force from {@code after} in the queue until the next step. A step either
 * says which agents may take the call (proficiency in the call's skill of at least {@code minProficiency}; 0 means
 * any agent of the department) or moves the call to an {@code overflowTo} queue, keeping its time in queue.
 *
 * <p>Example: {@code skill(ZERO, 4), skill(30 s, 2), anyAgent(60 s), overflow(120 s, RECEPTION)}.
 */
public record RoutingStep(Duration after, int minProficiency, @Nullable Department overflowTo) {
  public RoutingStep {
    Checks.notNull(after, "after");
    if (after.isNegative()) {
      throw InvalidInputException.of("after", "must not be negative, was %s", after);
    }
    Checks.inRange(minProficiency, 0, Skill.MAX_PROFICIENCY, "minProficiency");
    if (overflowTo != null && minProficiency != 0) {
      throw InvalidInputException.of("minProficiency", "must be 0 for an overflow step, was %d", minProficiency);
    }
  }

  /** Agents with at least {@code minProficiency} (1-5) in the call's skill, from {@code after} on. */
  public static RoutingStep skill(Duration after, int minProficiency) {
    Checks.inRange(minProficiency, Skill.MIN_PROFICIENCY, Skill.MAX_PROFICIENCY, "minProficiency");
    return new RoutingStep(after, minProficiency, null);
  }

  /** Any agent of the queue's department, from {@code after} on. */
  public static RoutingStep anyAgent(Duration after) {
    return new RoutingStep(after, 0, null);
  }

  /** Moves the call to the queue of {@code target} at {@code after}; its place there keeps its time in queue. */
  public static RoutingStep overflow(Duration after, Department target) {
    return new RoutingStep(after, 0, Checks.notNull(target, "overflowTo"));
  }

  public boolean isOverflow() {
    return overflowTo != null;
  }
}
