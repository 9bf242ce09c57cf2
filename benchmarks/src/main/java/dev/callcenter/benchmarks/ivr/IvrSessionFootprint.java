package dev.callcenter.benchmarks.ivr;

import dev.callcenter.core.Call;
import dev.callcenter.core.CallId;
import dev.callcenter.core.CallMetadata;
import dev.callcenter.core.CustomerInfo;
import dev.callcenter.core.PhoneNumber;
import dev.callcenter.ivr.IvrFlow;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Map;

/**
 * Heap held by idle IVR sessions: N calls waiting at the main menu are kept alive, the heap used after full GCs is
 * compared with N bare calls (no IVR state) and with nothing. Reports bytes per session.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.callcenter.benchmarks.ivr.IvrSessionFootprint [N]</pre>
 */
public final class IvrSessionFootprint {
  private IvrSessionFootprint() {}

  public static void main(String[] args) throws InterruptedException {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    IvrFlow ivr = IvrFlow.builder().clock(IvrStepBenchmark.CLOCK).build();
    IvrStepBenchmark.atMainMenu(ivr, "+966501234567"); // warm up class loading and the catalogue

    long empty = usedAfterGc();
    Call[] bare = new Call[n];
    for (int i = 0; i < n; i++) {
      bare[i] = Call.initiate(CallId.random(), new CustomerInfo(null, PhoneNumber.parse("+966501234567"), null,
          null), new CallMetadata("phone", null, null), IvrStepBenchmark.CLOCK);
    }
    long withBare = usedAfterGc();
    Call[] idle = new Call[n];
    for (int i = 0; i < n; i++) {
      idle[i] = IvrStepBenchmark.atMainMenu(ivr, "+966501234567");
    }
    long withIdle = usedAfterGc();
    Call[] collecting = new Call[n];
    for (int i = 0; i < n; i++) {
      collecting[i] = waitingForSecondField(ivr);
    }
    long withCollecting = usedAfterGc();
    Call example = collecting[0];
    collecting = null;
    long collectingReleased = usedAfterGc();
    @SuppressWarnings("unchecked")
    Map<String, String>[] states = new Map[n];
    for (int i = 0; i < n; i++) {
      states[i] = idle[i].flowState();
    }
    idle = null;
    long withStatesOnly = usedAfterGc();

    System.out.printf("sessions: %d%n", n);
    System.out.printf("bare call (no IVR), bytes each:             %8.1f%n", (withBare - empty) / (double) n);
    System.out.printf("call idle at the IVR main menu, bytes each: %8.1f%n", (withIdle - withBare) / (double) n);
    System.out.printf("IVR session state alone (flowState map):    %8.1f%n",
        (withStatesOnly - withBare) / (double) n);
    System.out.printf("example session state: %s, ivrStage=%s%n", states[0], "INTENT");
    System.out.printf("call idle in DATA_COLLECTION (Arabic complaint by text, order number given), bytes each: "
        + "%8.1f%n", (withCollecting - collectingReleased) / (double) n);
    System.out.printf("  its session state: %s; collected data: %s%n", example.flowState(), example.collectedData());
    if (bare.length + states.length == 0) {
      System.out.println(); // keeps both arrays reachable until here
    }
  }

  private static Call waitingForSecondField(IvrFlow ivr) {
    Call call = Call.initiate(CallId.random(), new CustomerInfo(null, PhoneNumber.parse("+966501234567"), null,
        null), new CallMetadata("phone", null, null), IvrStepBenchmark.CLOCK);
    dev.callcenter.core.flow.FlowStep step = ivr.begin(call);
    step = ivr.handle(step.call(), dev.callcenter.core.flow.FlowInput.text("عربي"));
    step = ivr.handle(step.call(), dev.callcenter.core.flow.FlowInput.digits("0501234567#"));
    step = ivr.handle(step.call(), dev.callcenter.core.flow.FlowInput.text("عندي شكوى، الطلب وصل متأخرًا"));
    step = ivr.handle(step.call(), dev.callcenter.core.flow.FlowInput.text("رقم الطلب ١٢٣٤٥٦٧٨"));
    return step.call();
  }

  private static long usedAfterGc() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
