package dev.callcenter.ivr;

/**
 * The rules seam: decides per call whether verification is needed, which stages to skip, the priority and
 * whether the centre is out of hours. The IVR asks at the greeting and again once a department is classified.
 * Adapt the rules module's {@code RuleEngine} here. Must be fast and deterministic for the same facts.
 */
@FunctionalInterface
public interface CallPolicy {
  PolicyDecision decide(CallFacts facts);

  /** This policy and {@code other} together (see {@link PolicyDecision#and}). */
  default CallPolicy and(CallPolicy other) {
    dev.callcenter.core.internal.Checks.notNull(other, "other");
    return facts -> decide(facts).and(other.decide(facts));
  }

  /**
   * The rules module's engine as the policy: the facts become rule facts (stage, language, tier, customer id,
   * department, confidence, matched keywords, verified, retries, time); the decision's verification, skipped
   * stages, priority, tags and route are used, and its {@code out_of_hours} tag plays the out-of-hours notice.
   * Combine with {@link #from(FlowDefinition)} through {@link #and} to keep the flow's own settings.
   */
  static CallPolicy fromRules(dev.callcenter.rules.RuleEngine engine) {
    return new dev.callcenter.ivr.internal.RulesPolicy(dev.callcenter.core.internal.Checks.notNull(engine, "engine"));
  }

  /** The policy the flow definition describes: verification, priority by tier and department, business hours. */
  static CallPolicy from(FlowDefinition definition) {
    return new dev.callcenter.ivr.internal.DefinitionPolicy(definition);
  }
}
