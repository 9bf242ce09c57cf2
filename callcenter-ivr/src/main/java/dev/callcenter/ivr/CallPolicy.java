package dev.callcenter.ivr;

/**
 * The rules seam: decides per call whether verification is needed, which stages to skip, the priority and
 * whether the centre is out of hours. The IVR asks at the greeting and again once a department is classified.
 * Adapt the rules module's {@code RuleEngine} here. Must be fast and deterministic for the same facts.
 */
@FunctionalInterface
public interface CallPolicy {
  PolicyDecision decide(CallFacts facts);

  /** The policy the flow definition describes: verification, priority by tier and department, business hours. */
  static CallPolicy from(FlowDefinition definition) {
    return new dev.callcenter.ivr.internal.DefinitionPolicy(definition);
  }
}
