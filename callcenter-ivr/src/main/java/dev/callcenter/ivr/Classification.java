package dev.callcenter.ivr;

import dev.callcenter.core.Department;
import dev.callcenter.core.internal.Checks;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an {@link IntentClassifier} made of an utterance.
 *
 * @param department the best department, or null when nothing matched
 * @param confidence 0..1
 * @param matchedTerms the terms that matched, for the agent's screen and for tuning
 */
public record Classification(@Nullable Department department, double confidence, List<String> matchedTerms) {
  public static final Classification NONE = new Classification(null, 0, List.of());

  public Classification {
    if (!(confidence >= 0 && confidence <= 1)) {
      throw dev.callcenter.core.InvalidInputException.of("confidence", "must be between 0 and 1, was %s", confidence);
    }
    Checks.notNull(matchedTerms, "matchedTerms");
    matchedTerms = List.copyOf(matchedTerms);
    if (department == null && confidence > 0) {
      throw dev.callcenter.core.InvalidInputException.of("confidence", "must be 0 without a department, was %s",
          confidence);
    }
  }
}
