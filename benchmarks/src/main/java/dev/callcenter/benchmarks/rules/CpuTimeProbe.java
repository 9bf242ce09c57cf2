package dev.callcenter.benchmarks.rules;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Supplementary to the JMH runs, for a machine shared with other builds: the same benchmark methods, timed in
 * <em>thread CPU time</em> (ThreadMXBean) rather than wall time, so time spent descheduled does not count.
 * Prints the median of 7 rounds of CPU nanoseconds per operation. Not a replacement for JMH; cache and
 * hyper-thread contention still show.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.callcenter.benchmarks.rules.CpuTimeProbe</pre>
 */
public final class CpuTimeProbe {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static volatile Object sink;

  private CpuTimeProbe() {}

  /** Arguments: optionally {@code routing}, {@code rules} or {@code explain} to run one part only. */
  public static void main(String[] args) {
    String only = args.length > 0 ? args[0] : "";
    List<String> lines = new ArrayList<>();
    for (String impl : only.isEmpty() || only.equals("routing")
        ? new String[] {"router", "hashmap", "ahocorasick", "hankcs"} : new String[0]) {
      for (int keywords : new int[] {500, 5000}) {
        for (String utterance : new String[] {"arabic", "english", "mixed"}) {
          KeywordRoutingBenchmark b = new KeywordRoutingBenchmark();
          b.impl = impl;
          b.keywords = keywords;
          b.utterance = utterance;
          b.setUp();
          lines.add(String.format(Locale.ROOT, "routing  %-12s %5d %-8s %10.1f ns/op (cpu)", impl, keywords,
              utterance, measure(b::route)));
        }
      }
    }
    for (String impl : only.isEmpty() || only.equals("rules") ? new String[] {"engine", "easyrules"}
        : new String[0]) {
      for (int rules : new int[] {50, 500}) {
        RulesBenchmark b = new RulesBenchmark();
        b.impl = impl;
        b.rules = rules;
        b.setUp();
        lines.add(String.format(Locale.ROOT, "rules    %-12s %5d %-8s %10.1f ns/op (cpu)", impl, rules, "",
            measure(b::evaluate)));
      }
    }
    for (int rules : only.isEmpty() || only.equals("explain") ? new int[] {50, 500} : new int[0]) {
      RuleExplanationBenchmark b = new RuleExplanationBenchmark();
      b.mode = "explain";
      b.rules = rules;
      b.setUp();
      lines.add(String.format(Locale.ROOT, "explain  %-12s %5d %-8s %10.1f ns/op (cpu)", "engine", rules, "",
          measure(b::run)));
    }
    lines.forEach(System.out::println);
  }

  private static double measure(Supplier<Object> op) {
    int batch = calibrate(op);
    for (int i = 0; i < 5; i++) {
      run(op, batch); // warm-up
    }
    double[] rounds = new double[7];
    for (int r = 0; r < rounds.length; r++) {
      long start = THREADS.getCurrentThreadCpuTime();
      run(op, batch);
      rounds[r] = (THREADS.getCurrentThreadCpuTime() - start) / (double) batch;
    }
    java.util.Arrays.sort(rounds);
    return rounds[rounds.length / 2];
  }

  /** Operations per round so that a round takes about 200 ms of CPU. */
  private static int calibrate(Supplier<Object> op) {
    int n = 1_000;
    while (true) {
      long start = THREADS.getCurrentThreadCpuTime();
      run(op, n);
      long spent = THREADS.getCurrentThreadCpuTime() - start;
      if (spent > 50_000_000L || n > 50_000_000) {
        return (int) Math.max(1_000, n * (200_000_000L / Math.max(1, spent)));
      }
      n *= 4;
    }
  }

  private static void run(Supplier<Object> op, int n) {
    Object last = null;
    for (int i = 0; i < n; i++) {
      last = op.get();
    }
    sink = last;
  }
}
