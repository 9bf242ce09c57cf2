package dev.callcenter.ivr;

import dev.callcenter.core.Department;
import dev.callcenter.core.Language;
import dev.callcenter.core.PhoneNumber;
import dev.callcenter.core.internal.Checks;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link CallPolicy} decides on: everything the IVR knows about the call at the moment it asks.
 *
 * @param stage the stage asking (GREETING before identification, CLASSIFICATION once a department is known)
 * @param tier the customer's tier when identified, else null
 * @param department the department picked so far, else null
 * @param confidence the classifier's confidence, 0 before classification
 * @param matchedTerms the classifier's matched terms, comma separated, empty before classification
 * @param verified whether the caller passed VERIFICATION
 * @param retries failed or missing inputs at the current stage so far
 */
public record CallFacts(
    String callId,
    Stage stage,
    @Nullable PhoneNumber caller,
    @Nullable Language language,
    @Nullable String customerId,
    @Nullable String tier,
    @Nullable Department department,
    double confidence,
    String matchedTerms,
    Map<String, String> collectedData,
    boolean verified,
    int retries,
    Instant now) {
  public CallFacts {
    Checks.notBlank(callId, "callId");
    Checks.notNull(stage, "stage");
    Checks.notNull(matchedTerms, "matchedTerms");
    collectedData = Map.copyOf(collectedData);
    Checks.notNull(now, "now");
  }
}
