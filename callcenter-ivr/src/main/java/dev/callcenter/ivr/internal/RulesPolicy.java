package dev.callcenter.ivr.internal;

import dev.callcenter.core.Priority;
import dev.callcenter.ivr.CallFacts;
import dev.callcenter.ivr.CallPolicy;
import dev.callcenter.ivr.PolicyDecision;
import dev.callcenter.ivr.Stage;
import dev.callcenter.rules.Decision;
import dev.callcenter.rules.Facts;
import dev.callcenter.rules.RuleEngine;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The rules module's {@link RuleEngine} behind the IVR's {@link CallPolicy} seam. */
public final class RulesPolicy implements CallPolicy {
  /** The tag the shipped rule set gives calls outside business hours. */
  public static final String OUT_OF_HOURS_TAG = "out_of_hours";

  private final RuleEngine engine;

  public RulesPolicy(RuleEngine engine) {
    this.engine = engine;
  }

  @Override
  public PolicyDecision decide(CallFacts facts) {
    Facts.Builder b = Facts.builder().ivrStage(facts.stage().name().toLowerCase(Locale.ROOT)).time(facts.now())
        .verified(facts.verified()).retries(facts.retries());
    if (facts.language() != null) {
      b.language(facts.language());
    }
    if (facts.tier() != null) {
      b.customerTier(facts.tier());
    }
    if (facts.customerId() != null) {
      b.customerId(facts.customerId());
    }
    if (facts.department() != null) {
      b.department(facts.department());
      b.confidence(Math.max(0, Math.min(1, facts.confidence())));
    }
    if (!facts.matchedTerms().isEmpty()) {
      List<String> terms = new ArrayList<>();
      for (String t : facts.matchedTerms().split(",")) {
        if (!t.isBlank()) {
          terms.add(t.strip());
        }
      }
      b.matchedKeywords(terms);
    }
    Decision d = engine.evaluate(b.build());
    Set<Stage> skip = EnumSet.noneOf(Stage.class);
    for (String name : d.skipStages()) {
      try {
        Stage s = Stage.valueOf(name.toUpperCase(Locale.ROOT));
        if (s.isOptional()) {
          skip.add(s);
        }
      } catch (IllegalArgumentException e) {
        // a stage this IVR does not have: nothing to skip
      }
    }
    Set<String> tags = d.tags();
    Priority priority = d.priority().orElse(null);
    return new PolicyDecision(d.requireVerification(), skip, priority, tags.contains(OUT_OF_HOURS_TAG), tags,
        d.route().orElse(null));
  }
}
