package dev.callcenter.benchmarks.ivr;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * A companion to {@link IvrStepBenchmark} for a crowded machine: the same steps, timed by the thread's CPU time
 * rather than the wall clock, so time spent waiting for a core is not counted. Not a JMH measurement; a cross-check.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.callcenter.benchmarks.ivr.IvrStepCpuTime [iterations [flows]]</pre>
 */
public final class IvrStepCpuTime {
  private IvrStepCpuTime() {}

  public static void main(String[] args) {
    int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    String[] flows = args.length > 1 ? args[1].split(",")
        : new String[] {"ivr-route", "ivr-retry", "ivr-text", "ivr-text-router", "hand-written", "direct"};
    for (String flow : flows) {
      IvrStepBenchmark b = new IvrStepBenchmark();
      b.flow = flow;
      b.setUp();
      long sink = 0;
      for (int i = 0; i < iterations / 4; i++) { // warm-up
        sink += b.step().actions().size();
      }
      long best = Long.MAX_VALUE;
      for (int round = 0; round < 5; round++) {
        long start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < iterations / 5; i++) {
          sink += b.step().actions().size();
        }
        best = Math.min(best, threads.getCurrentThreadCpuTime() - start);
      }
      System.out.printf("%-13s %8.1f ns CPU per step (best of 5 rounds of %d)  [%d]%n", flow,
          best / (double) (iterations / 5), iterations / 5, sink % 10);
    }
  }
}
