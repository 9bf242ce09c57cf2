package dev.callcenter.benchmarks.ivr;

import dev.callcenter.core.Call;
import dev.callcenter.core.CallId;
import dev.callcenter.core.CallMetadata;
import dev.callcenter.core.CustomerInfo;
import dev.callcenter.core.Department;
import dev.callcenter.core.Language;
import dev.callcenter.core.PhoneNumber;
import dev.callcenter.core.Priority;
import dev.callcenter.core.flow.CallFlow;
import dev.callcenter.core.flow.FlowAction;
import dev.callcenter.core.flow.FlowInput;
import dev.callcenter.core.flow.FlowStep;
import dev.callcenter.ivr.IntentClassifier;
import dev.callcenter.ivr.IvrFlow;
import dev.callcenter.rules.KeywordRouter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The cost of one IVR step: the caller's input in, the next call snapshot and actions out.
 *
 * <ul>
 *   <li>{@code ivr-route}: the nine-stage IVR at the main menu, key 1: the menu choice is classified, the policy
 *       decides the priority, the routing prompt and the first data-collection question are rendered (a heavy step)
 *   <li>{@code ivr-retry}: the nine-stage IVR at the main menu, a key not on the menu: "not valid" and the menu again
 *   <li>{@code ivr-text}: the nine-stage IVR at the main menu, an Arabic sentence classified by the IVR's built-in
 *       keyword classifier
 *   <li>{@code ivr-text-router}: the same sentence classified by the rules module's {@code KeywordRouter.defaults()}
 *       behind {@code IntentClassifier.fromRouter}, as a production set-up wires it
 *   <li>{@code hand-written}: the baseline a team would write itself: a two-state switch on the flow state that
 *       plays a fixed string and enqueues on key 1, with the same call snapshots
 *   <li>{@code direct}: core's {@code CallFlow.direct}, no IVR at all: the floor of the call-flow contract
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class IvrStepBenchmark {
  @Param({"ivr-route", "ivr-retry", "ivr-text", "ivr-text-router", "hand-written", "direct"})
  public String flow;

  private CallFlow callFlow;
  private Call call;
  private FlowInput input;

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC);

  /** A call waiting at the nine-stage IVR's main menu, in English, caller not in the CRM. */
  static Call atMainMenu(IvrFlow ivr, String phone) {
    Call call = Call.initiate(CallId.random(), new CustomerInfo(null, PhoneNumber.parse(phone), null, null),
        new CallMetadata("phone", null, null), CLOCK);
    FlowStep step = ivr.begin(call);
    step = ivr.handle(step.call(), FlowInput.digits("2"));
    step = ivr.handle(step.call(), FlowInput.digits("0501234567#"));
    return step.call();
  }

  @Setup
  public void setUp() {
    IvrFlow ivr = flow.equals("ivr-text-router")
        ? IvrFlow.builder().clock(CLOCK).classifier(IntentClassifier.fromRouter(KeywordRouter.defaults())).build()
        : IvrFlow.builder().clock(CLOCK).build();
    call = atMainMenu(ivr, "+966501234567");
    if (!"INTENT".equals(call.ivrStage())) {
      throw new IllegalStateException("expected the main menu, was " + call.ivrStage());
    }
    switch (flow) {
      case "ivr-route" -> {
        callFlow = ivr;
        input = FlowInput.digits("1");
      }
      case "ivr-retry" -> {
        callFlow = ivr;
        input = FlowInput.digits("9");
      }
      case "ivr-text", "ivr-text-router" -> {
        callFlow = ivr;
        call = call.withLanguage(Language.ARABIC, CLOCK.instant());
        input = FlowInput.text("عندي شكوى، الطلب وصل متأخرًا والمنتج تالف");
      }
      case "hand-written" -> {
        callFlow = new HandWrittenMenu();
        call = call.withFlowState(Map.of("stage", "menu"), CLOCK.instant());
        input = FlowInput.digits("1");
      }
      case "direct" -> {
        callFlow = CallFlow.direct(Department.RECEPTION);
        input = FlowInput.digits("1");
      }
      default -> throw new IllegalArgumentException(flow);
    }
  }

  @Benchmark
  public FlowStep step() {
    return callFlow.handle(call, input);
  }

  /** What a team might write instead of the IVR: one menu, one prompt, no languages, no retries. */
  static final class HandWrittenMenu implements CallFlow {
    private static final FlowAction.CollectDigits COLLECT = new FlowAction.CollectDigits(1, null,
        Duration.ofSeconds(8), Duration.ofSeconds(3));

    @Override
    public FlowStep begin(Call call) {
      return new FlowStep(call.withFlowState(Map.of("stage", "menu"), CLOCK.instant()), List.of(menu(), COLLECT));
    }

    @Override
    public FlowStep handle(Call call, FlowInput input) {
      if (input instanceof FlowInput.Digits d && "menu".equals(call.flowState().get("stage"))) {
        Department department = d.digits().equals("1") ? Department.SALES : Department.RECEPTION;
        Call next = call.withFlowState(Map.of("stage", "queued"), CLOCK.instant())
            .withIvrStage("queued", CLOCK.instant());
        return new FlowStep(next, List.of(new FlowAction.PlayPrompt("connecting", Language.ENGLISH,
            "Connecting you now.", null, Map.of()), new FlowAction.Enqueue(department, Priority.NORMAL)));
      }
      return new FlowStep(call, List.of(menu(), COLLECT));
    }

    private static FlowAction.PlayPrompt menu() {
      return new FlowAction.PlayPrompt("menu", Language.ENGLISH, "For sales press 1, for anything else press 2.",
          null, Map.of());
    }
  }
}
