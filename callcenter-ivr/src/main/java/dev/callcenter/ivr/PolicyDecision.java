package dev.callcenter.ivr;

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
 */
public record PolicyDecision(boolean requireVerification, Set<Stage> skipStages, @Nullable Priority priority,
    boolean outOfHours, Set<String> tags) {
  public static final PolicyDecision NONE = new PolicyDecision(false, Set.of(), null, false, Set.of());

  public PolicyDecision {
    skipStages = Set.copyOf(skipStages);
    tags = Set.copyOf(tags);
    for (Stage s : skipStages) {
      if (!s.isOptional()) {
        throw dev.callcenter.core.InvalidInputException.of("skipStages", "%s cannot be skipped", s);
      }
    }
  }
}
