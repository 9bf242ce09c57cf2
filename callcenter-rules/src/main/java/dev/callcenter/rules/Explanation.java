package dev.callcenter.rules;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Why a decision came out as it did: every rule in salience order with what happened to it.
 *
 * @param decision the decision, the same {@link RuleEngine#evaluate} returns
 * @param rules one trace per rule of the rule set, in evaluation order
 */
public record Explanation(Decision decision, List<Trace> rules) {
  public Explanation {
    rules = List.copyOf(rules);
  }

  /** What happened to one rule. */
  public enum Outcome {
    /** The condition held and the actions applied. */
    FIRED,
    /** The condition did not hold; see {@link Trace#failedCondition()}. */
    NOT_MATCHED,
    /** The rule is disabled ({@code "enabled": false}). */
    DISABLED,
    /** The rule's group is switched off by a feature flag. */
    SWITCHED_OFF,
    /** An earlier rule stopped evaluation (a {@code stop} action, or first-match activation). */
    NOT_REACHED
  }

  /**
   * One rule's trace.
   *
   * @param ruleId the rule
   * @param outcome what happened
   * @param failedPath for {@link Outcome#NOT_MATCHED}: where the first failing condition is in the rule, for
   *     example {@code when.all[1]}
   * @param failedCondition how the failing condition reads, for example {@code waitSeconds gt 120}
   * @param seen the values of the facts the failing condition looked at (null for an absent fact)
   */
  public record Trace(String ruleId, Outcome outcome, @Nullable String failedPath,
      @Nullable String failedCondition, Map<String, @Nullable Object> seen) {}

  /** The traces of the rules that fired. */
  public List<Trace> fired() {
    return rules.stream().filter(t -> t.outcome() == Outcome.FIRED).collect(Collectors.toList());
  }

  /** The trace of one rule. */
  public Trace trace(String ruleId) {
    for (Trace t : rules) {
      if (t.ruleId().equals(ruleId)) {
        return t;
      }
    }
    throw dev.callcenter.core.NotFoundException.of("rule", ruleId);
  }

  /** One line per rule, for logs and support. */
  public String describe() {
    StringBuilder b = new StringBuilder(decision.toString()).append('\n');
    for (Trace t : rules) {
      b.append("  ").append(t.ruleId()).append(": ").append(t.outcome());
      if (t.failedCondition() != null) {
        b.append(" at ").append(t.failedPath()).append(" (").append(t.failedCondition()).append(", saw ")
            .append(t.seen()).append(')');
      }
      b.append('\n');
    }
    return b.toString();
  }
}
