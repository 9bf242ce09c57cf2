package dev.callcenter.ivr;

import dev.callcenter.core.Department;
import dev.callcenter.core.Priority;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link CallPolicy} decided for a call.
 *
 * @param requireVerification whether the caller must pass VERIFICATION
 * @param skipStages optional stages to leave out for this call
 * @param priority the queue priority, or null to keep the call's
 * @param outOfHours whether to play the out-of-hours notice at the greeting
 * @param tags tags to add to the call
 * @param route the department the rules send the call to, overriding the classification; null to keep it
 */
public record PolicyDecision(boolean requireVerification, Set<Stage> skipStages, @Nullable Priority priority,
    boolean outOfHours, Set<String> tags, @Nullable Department route) {
  public static final PolicyDecision NONE = new PolicyDecision(false, Set.of(), null, false, Set.of(), null);

  public PolicyDecision {
    skipStages = Set.copyOf(skipStages);
    tags = Set.copyOf(tags);
    for (Stage s : skipStages) {
      if (!s.isOptional()) {
        throw dev.callcenter.core.InvalidInputException.of("skipStages", "%s cannot be skipped", s);
      }
    }
  }

  /**
   * Both decisions together: verification if either asks, the stages either skips, the higher priority, out of
   * hours if either says so, all tags, and this decision's route before {@code other}'s.
   */
  public PolicyDecision and(PolicyDecision other) {
    java.util.EnumSet<Stage> skip = java.util.EnumSet.noneOf(Stage.class);
    skip.addAll(skipStages);
    skip.addAll(other.skipStages);
    java.util.Set<String> allTags = new java.util.LinkedHashSet<>(tags);
    allTags.addAll(other.tags);
    Priority p = priority == null ? other.priority
        : other.priority == null || priority.level() >= other.priority.level() ? priority : other.priority;
    return new PolicyDecision(requireVerification || other.requireVerification, skip, p,
        outOfHours || other.outOfHours, allTags, route != null ? route : other.route);
  }
}
