package dev.callcenter.rules;

import dev.callcenter.core.InvalidInputException;
import dev.callcenter.rules.internal.Condition;
import dev.callcenter.rules.internal.RuleCompiler;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Evaluates a {@link RuleSet} against the {@link Facts} of a call and returns a {@link Decision}; never acts
 * itself.
 *
 * <pre>{@code
 * RuleEngine engine = RuleEngine.defaults();
 * Decision d = engine.evaluate(Facts.builder().customerTier("vip").waitTime(Duration.ofMinutes(4)).build());
 * d.priority();                       // Optional[HIGH]
 * engine.explain(facts).describe();   // which rules fired, and for each other the first failed condition
 * }</pre>
 *
 * Safe for concurrent use. {@link #reload}, {@link #override} and {@link #setFlag} validate and compile first
 * and then swap the rule set atomically: an evaluation sees either the old set or the new one, never half of
 * either; a rejected document leaves the set in force unchanged. Time facts come from {@link Facts#time()} or,
 * when absent, from the engine's clock.
 */
public final class RuleEngine {
  private final AtomicReference<RuleSet> current;
  private final Clock clock;

  private RuleEngine(RuleSet ruleSet, Clock clock) {
    this.current = new AtomicReference<>(ruleSet);
    this.clock = clock;
  }

  /** An engine over the shipped rules ({@link RuleSet#defaults()}) and the system clock. */
  public static RuleEngine defaults() {
    return new RuleEngine(RuleSet.defaults(), Clock.systemUTC());
  }

  /**
   * An engine over a rule set in JSON and the system clock.
   *
   * @throws RuleValidationException listing every problem with its JSON path
   */
  public static RuleEngine load(String json) {
    return new RuleEngine(RuleSet.parse(json), Clock.systemUTC());
  }

  public static RuleEngine of(RuleSet ruleSet) {
    return of(ruleSet, Clock.systemUTC());
  }

  /** An engine whose time facts default to {@code clock} (inject a fixed clock in tests). */
  public static RuleEngine of(RuleSet ruleSet, Clock clock) {
    if (ruleSet == null) {
      throw InvalidInputException.of("ruleSet", "must not be null");
    }
    if (clock == null) {
      throw InvalidInputException.of("clock", "must not be null");
    }
    return new RuleEngine(ruleSet, clock);
  }

  /**
   * Evaluates the rule set in force. Allocates only the decision (past 64 active rules, also its fired-rule
   * bits; with time facts, a clock reading; once per thread, a scratch array past 64 distinct conditions).
   */
  public Decision evaluate(Facts facts) {
    if (facts == null) {
      throw InvalidInputException.of("facts", "must not be null");
    }
    RuleSet set = current.get();
    return set.evaluate(facts.values, local(set, facts));
  }

  /**
   * Evaluates and explains: the rules that fired and, for each that did not, the first condition that failed
   * and the values it saw.
   */
  public Explanation explain(Facts facts) {
    if (facts == null) {
      throw InvalidInputException.of("facts", "must not be null");
    }
    RuleSet set = current.get();
    long local = local(set, facts);
    return new Explanation(set.evaluate(facts.values, local), set.trace(facts.values, local));
  }

  private long local(RuleSet set, Facts facts) {
    if (!set.usesTime) {
      return Condition.NO_TIME;
    }
    Instant time = facts.time();
    return set.localSeconds(time != null ? time : clock.instant());
  }

  /**
   * Replaces the rule set with one read from JSON.
   *
   * @throws RuleValidationException when the document has any problem; the set in force stays
   */
  public RuleSet reload(String json) {
    RuleSet next = RuleSet.parse(json);
    current.set(next);
    return next;
  }

  /** Replaces the rule set. */
  public RuleSet reload(RuleSet ruleSet) {
    if (ruleSet == null) {
      throw InvalidInputException.of("ruleSet", "must not be null");
    }
    current.set(ruleSet);
    return ruleSet;
  }

  /**
   * Layers an override file over the set in force (see {@link RuleSet#withOverrides}) and swaps it in.
   *
   * @throws RuleValidationException when the override has any problem; the set in force stays
   */
  public RuleSet override(String json) {
    RuleCompiler.RuleDocument d = RuleCompiler.compile(json, true);
    return current.updateAndGet(set -> set.withOverrides(d));
  }

  /** Switches a rule group on or off in the set in force. */
  public RuleSet setFlag(String group, boolean on) {
    current.get().withFlag(group, on);
    return current.updateAndGet(set -> set.withFlag(group, on));
  }

  /** The rule set in force. */
  public RuleSet ruleSet() {
    return current.get();
  }

  public Clock clock() {
    return clock;
  }

  @Override
  public String toString() {
    return "RuleEngine[" + current.get() + "]";
  }
}
