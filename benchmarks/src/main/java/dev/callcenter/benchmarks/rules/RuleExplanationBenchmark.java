package dev.callcenter.benchmarks.rules;

import dev.callcenter.rules.Explanation;
import dev.callcenter.rules.Facts;
import dev.callcenter.rules.RuleEngine;
import java.util.concurrent.TimeUnit;
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
 * {@link RuleEngine#explain} (the decision plus, for every rule, fired or the first failed condition and the
 * values it saw) over the same generated rules and call as {@link RulesBenchmark}. Easy Rules has no
 * explanation to compare with; {@code evaluate} is the baseline.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RuleExplanationBenchmark {
  @Param({"explain", "evaluate"})
  public String mode;

  @Param({"50", "500"})
  public int rules;

  private RuleEngine engine;
  private Facts facts;

  @Setup
  public void setUp() {
    engine = RuleEngine.load(RuleCorpus.json(RuleCorpus.rules(rules)));
    facts = RuleCorpus.facts();
  }

  @Benchmark
  public Object run() {
    return mode.equals("explain") ? engine.explain(facts) : engine.evaluate(facts);
  }
}
