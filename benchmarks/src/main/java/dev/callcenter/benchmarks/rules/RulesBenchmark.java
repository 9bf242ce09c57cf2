package dev.callcenter.benchmarks.rules;

import dev.callcenter.core.Department;
import dev.callcenter.rules.Decision;
import dev.callcenter.rules.Facts;
import dev.callcenter.rules.RuleEngine;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jeasy.rules.api.Rule;
import org.jeasy.rules.api.Rules;
import org.jeasy.rules.api.RulesEngine;
import org.jeasy.rules.core.DefaultRulesEngine;
import org.jeasy.rules.core.RuleBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 50 or 500 generated rules against one call, all matches in salience order: our {@link RuleEngine} beside
 * Easy Rules 4.1.0 running the same rules as Java lambda conditions (its fastest form; MVEL or SpEL rules are
 * slower) and accumulating the same decision. {@link RuleExplanationBenchmark} measures explanations.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RulesBenchmark {
  @Param({"engine", "easyrules"})
  public String impl;

  @Param({"50", "500"})
  public int rules;

  private RuleEngine engine;
  private Facts facts;
  private RulesEngine easyEngine;
  private Rules easyRules;
  private org.jeasy.rules.api.Facts easyFacts;
  private EasyDecision easyDecision;

  /** What the Easy Rules actions fill in, the same fields our decision carries. */
  static final class EasyDecision {
    Department route;
    String priority;
    final Set<String> tags = new LinkedHashSet<>();
    final List<String> fired = new ArrayList<>();

    void reset() {
      route = null;
      priority = null;
      tags.clear();
      fired.clear();
    }
  }

  @Setup
  public void setUp() {
    List<RuleCorpus.Spec> specs = RuleCorpus.rules(rules);
    engine = RuleEngine.load(RuleCorpus.json(specs));
    facts = RuleCorpus.facts();
    easyEngine = new DefaultRulesEngine();
    easyRules = new Rules();
    for (RuleCorpus.Spec s : specs) {
      easyRules.register(easyRule(s));
    }
    easyFacts = RuleCorpus.easyFacts();
    easyDecision = new EasyDecision();
    easyFacts.put("decision", easyDecision);
    // both engines must agree before we time them
    Decision ours = engine.evaluate(facts);
    evaluateEasy();
    if (!ours.firedRules().equals(easyDecision.fired) || !ours.tags().equals(easyDecision.tags)
        || !java.util.Objects.equals(ours.route().orElse(null), easyDecision.route)) {
      throw new IllegalStateException("engines disagree: " + ours + " vs " + easyDecision.fired + " "
          + easyDecision.tags + " " + easyDecision.route);
    }
    if (ours.firedRules().isEmpty()) {
      throw new IllegalStateException("no rule fires; the benchmark would measure nothing");
    }
  }

  private static Rule easyRule(RuleCorpus.Spec s) {
    List<RuleCorpus.Leaf> leaves = s.leaves();
    org.jeasy.rules.api.Condition when = s.any()
        ? f -> leaves.stream().anyMatch(l -> l.test().test(f))
        : f -> leaves.stream().allMatch(l -> l.test().test(f));
    return new RuleBuilder().name(s.id()).priority(-s.salience()).when(when).then(f -> {
      EasyDecision d = f.get("decision");
      d.fired.add(s.id());
      if (s.route() != null && d.route == null) {
        d.route = s.route();
      }
      if (s.priority() != null && d.priority == null) {
        d.priority = s.priority();
      }
      if (s.tag() != null) {
        d.tags.add(s.tag());
      }
    }).build();
  }

  private Object evaluateEasy() {
    easyDecision.reset();
    easyEngine.fire(easyRules, easyFacts);
    return easyDecision;
  }

  @Benchmark
  public Object evaluate() {
    return impl.equals("engine") ? engine.evaluate(facts) : evaluateEasy();
  }
}
