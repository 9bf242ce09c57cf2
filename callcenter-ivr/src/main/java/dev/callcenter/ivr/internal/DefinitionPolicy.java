package dev.callcenter.ivr.internal;

import dev.callcenter.core.Priority;
import dev.callcenter.ivr.CallFacts;
import dev.callcenter.ivr.CallPolicy;
import dev.callcenter.ivr.FlowDefinition;
import dev.callcenter.ivr.PolicyDecision;
import java.util.Set;

/**
 * The policy a {@link FlowDefinition} describes: verification for every caller or for some tiers; priority the
 * higher of the tier's and the department's, raised to HIGH when the caller said the matter is urgent; out of
 * hours outside the business hours.
 */
public final class DefinitionPolicy implements CallPolicy {
  private final FlowDefinition definition;

  public DefinitionPolicy(FlowDefinition definition) {
    this.definition = definition;
  }

  @Override
  public PolicyDecision decide(CallFacts facts) {
    boolean verify = definition.verifyAlways()
        || (facts.tier() != null && definition.verifyTiers().contains(facts.tier()));
    Priority priority = null;
    if (facts.tier() != null) {
      priority = definition.priorityByTier().get(facts.tier());
    }
    if (facts.department() != null) {
      priority = max(priority, definition.priorityByDepartment().get(facts.department()));
    }
    if ("yes".equals(facts.collectedData().get("urgent"))) {
      priority = max(priority, Priority.HIGH);
    }
    boolean closed = definition.businessHours() != null && !definition.businessHours().isOpen(facts.now());
    if (!verify && priority == null && !closed) {
      return PolicyDecision.NONE;
    }
    return new PolicyDecision(verify, Set.of(), priority, closed, closed ? Set.of("out-of-hours") : Set.of(), null);
  }

  private static Priority max(Priority a, Priority b) {
    if (a == null) {
      return b;
    }
    return b == null || a.level() >= b.level() ? a : b;
  }
}
