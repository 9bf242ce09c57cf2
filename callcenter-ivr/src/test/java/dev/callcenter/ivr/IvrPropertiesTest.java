package dev.callcenter.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.core.Call;
import dev.callcenter.core.CallId;
import dev.callcenter.core.CallMetadata;
import dev.callcenter.core.CustomerInfo;
import dev.callcenter.core.Language;
import dev.callcenter.core.PhoneNumber;
import dev.callcenter.core.flow.FlowAction;
import dev.callcenter.core.flow.FlowInput;
import dev.callcenter.core.flow.FlowStep;
import dev.callcenter.testkit.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random callers: whatever they key or say, the IVR stays in a defined state and lets go in bounded steps. */
class IvrPropertiesTest {
  /**
   * Every input either moves the session on or uses up one of a stage's retries, PIN attempts, intent misses or
   * language switches, so the defaults bound a session: 9 stages x 3 tries, 2 form fields x 3, 3 PINs, 3 switches
   * and slack for the confirmation loop.
   */
  private static final int BOUND = 60;
  private static final Set<String> STAGES = Set.of("GREETING", "LANGUAGE_SELECTION", "IDENTIFICATION",
      "VERIFICATION", "INTENT", "CLASSIFICATION", "DATA_COLLECTION", "QUEUE", "HANDOFF");
  private static final Set<String> OUTCOMES = Set.of("queued", "fallback", "callback", "transferred");

  private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-01T09:00:00Z"));

  @Provide
  Arbitrary<FlowInput> inputs() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(5, Arbitraries.of("1", "2", "0", "9", "#", "*", "1#", "12345678#", "0501234567#",
            "٠٥٠١١١١١١١#", "4321#", "0000#", "1111#", "3").map(FlowInput::digits)),
        net.jqwik.api.Tuple.of(4, Arbitraries.of("نعم", "لا", "yes", "no", "English please", "عربي",
            "I have a complaint, my order is late", "أريد شراء باقة", "the price was wrong", "hello",
            "رقم الطلب ١٢٣٤٥٦٧٨", "ORD-123456", "؟؟", "مرحبا كيف الحال").map(FlowInput::text)),
        net.jqwik.api.Tuple.of(3, Arbitraries.just(FlowInput.timeout())));
  }

  @Provide
  Arbitrary<List<FlowInput>> scripts() {
    return inputs().list().ofMaxSize(50);
  }

  @Property(tries = 200)
  void randomCallersNeverLeaveADefinedStateAndEndInBoundedSteps(
      @ForAll("scripts") List<FlowInput> script, @ForAll boolean verifyEveryone, @ForAll boolean knownCaller,
      @ForAll boolean arabicIndicDigits, @ForAll boolean byLastDigits, @ForAll boolean transferOnThree) {
    FlowDefinition.Builder builder = FlowDefinition.builder().verifyAlways(verifyEveryone)
        .verifyBy(byLastDigits ? VerificationMethod.LAST_DIGITS : VerificationMethod.PIN);
    if (transferOnThree) {
      builder.transfer("3", new MenuTransfer("1001", "intent.operator_option"));
    }
    FlowDefinition flow = builder.build();
    IvrFlow ivr = IvrFlow.builder().clock(clock).flow(flow)
        .customers(CustomerLookup.of(Map.of(PhoneNumber.parse("+966501111111"),
            new CustomerProfile("C-1", knownCaller ? Language.ENGLISH : null, "vip",
                List.of(PhoneNumber.parse("+966501111111"))))))
        .pins(PinVerifier.of(Map.of("C-1", "4321")))
        .prompts(PromptCatalogue.defaults().withArabicDigits(arabicIndicDigits ? DigitStyle.ARABIC_INDIC
            : DigitStyle.WESTERN))
        .build();
    Call call = Call.initiate(CallId.random(), new CustomerInfo(null,
        PhoneNumber.parse(knownCaller ? "+966501111111" : "+966509999999"), null, null),
        new CallMetadata("phone", null, null), clock);
    FlowStep step = ivr.begin(call);
    checkDefined(step);
    int enqueues = count(step, FlowAction.Enqueue.class);
    int transfers = 0;
    int steps = 0;
    java.util.Iterator<FlowInput> it = script.iterator();
    java.util.Random fill = new java.util.Random(script.size());
    while (IvrFlow.outcomeOf(step.call()) == null) {
      steps++;
      assertThat(steps).as("session still running after %d inputs", BOUND).isLessThanOrEqualTo(BOUND);
      // after the script, the caller keeps saying unhelpful things
      FlowInput input = it.hasNext() ? it.next()
          : fill.nextBoolean() ? FlowInput.timeout() : FlowInput.text("hmm");
      step = ivr.handle(step.call(), input);
      checkDefined(step);
      enqueues += count(step, FlowAction.Enqueue.class);
      transfers += count(step, FlowAction.Transfer.class);
    }
    assertThat(OUTCOMES).contains(IvrFlow.outcomeOf(step.call()));
    assertThat(step.call().ivrStage()).isEqualTo("HANDOFF");
    assertThat(enqueues).isLessThanOrEqualTo(1);
    assertThat(transfers).isEqualTo("transferred".equals(IvrFlow.outcomeOf(step.call())) ? 1 : 0);
    if (transfers == 1) {
      assertThat(transferOnThree).isTrue();
      assertThat(enqueues).isZero();
    } else if (!"callback".equals(IvrFlow.outcomeOf(step.call()))) {
      assertThat(enqueues).isEqualTo(1);
      assertThat(step.call().department()).isNotNull();
    }
    // once ended, more input changes nothing; a hang-up still hangs up
    FlowStep after = ivr.handle(step.call(), FlowInput.digits("1"));
    assertThat(after.actions()).isEmpty();
    assertThat(after.call()).isEqualTo(step.call());
    assertThat(ivr.handle(step.call(), FlowInput.hangUp()).actions())
        .containsExactly(new FlowAction.HangUp(FlowAction.HangUp.Reason.CALLER));
  }

  @Property(tries = 200)
  void aHangUpAtAnyPointEndsTheSessionAtItsStage(@ForAll("scripts") List<FlowInput> script) {
    IvrFlow ivr = IvrFlow.builder().clock(clock).build();
    Call call = Call.initiate(CallId.random(), new CustomerInfo(null, PhoneNumber.parse("+966509999999"), null,
        null), new CallMetadata("phone", null, null), clock);
    FlowStep step = ivr.begin(call);
    for (FlowInput input : script) {
      if (IvrFlow.outcomeOf(step.call()) != null) {
        break;
      }
      step = ivr.handle(step.call(), input);
    }
    String stageBefore = step.call().ivrStage();
    boolean endedBefore = IvrFlow.outcomeOf(step.call()) != null;
    FlowStep hung = ivr.handle(step.call(), FlowInput.hangUp());
    assertThat(hung.actions()).containsExactly(new FlowAction.HangUp(FlowAction.HangUp.Reason.CALLER));
    assertThat(hung.call().ivrStage()).isEqualTo(stageBefore);
    assertThat(IvrFlow.outcomeOf(hung.call())).isEqualTo(endedBefore ? IvrFlow.outcomeOf(step.call()) : "abandoned");
  }

  private static void checkDefined(FlowStep step) {
    Call c = step.call();
    String stage = c.flowState().get("stage");
    assertThat(STAGES).contains(stage);
    assertThat(c.ivrStage()).isEqualTo(stage);
    assertThat(c.language() != null || "LANGUAGE_SELECTION".equals(stage)).isTrue();
    if (IvrFlow.outcomeOf(c) == null) {
      assertThat(step.actions()).as("a running session always waits for the caller: %s", step.actions())
          .hasAtLeastOneElementOfType(FlowAction.PlayPrompt.class)
          .anyMatch(a -> a instanceof FlowAction.CollectDigits || a instanceof FlowAction.CollectText);
    }
    for (String v : c.flowState().values()) {
      assertThat(v).isNotIn("4321", "0000", "1111"); // PINs and keyed last digits are never kept
    }
    assertThat(c.flowState().size()).isLessThanOrEqualTo(12);
  }

  private static int count(FlowStep step, Class<?> type) {
    return (int) step.actions().stream().filter(type::isInstance).count();
  }
}
