package dev.callcenter.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.core.Call;
import dev.callcenter.core.CallCenter;
import dev.callcenter.core.CallId;
import dev.callcenter.core.CallStatus;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.Language;
import dev.callcenter.core.flow.CallFlow;
import dev.callcenter.core.flow.FlowAction;
import dev.callcenter.core.flow.FlowInput;
import dev.callcenter.core.flow.FlowStep;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.Chars;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TelephonyBridgeTest {
  private static final Duration FIRST = Duration.ofSeconds(10);
  private static final Duration INTER = Duration.ofSeconds(2);

  /** Asks for up to 4 digits ended by '#', records each input, asks again until told "0" (or "00": goodbye). */
  static final class RecordingFlow implements CallFlow {
    final List<FlowInput> inputs = new CopyOnWriteArrayList<>();

    @Override
    public FlowStep begin(Call call) {
      return ask(call);
    }

    @Override
    public FlowStep handle(Call call, FlowInput input) {
      inputs.add(input);
      if (input instanceof FlowInput.HangUp) {
        return new FlowStep(call, List.of(new FlowAction.HangUp(FlowAction.HangUp.Reason.CALLER)));
      }
      if (input instanceof FlowInput.Digits d && d.digits().equals("0")) {
        return new FlowStep(call, List.of(new FlowAction.Complete("done")));
      }
      if (input instanceof FlowInput.Digits d && d.digits().equals("00")) {
        return new FlowStep(call, List.of(
            new FlowAction.PlayPrompt("goodbye", Language.ENGLISH, "Goodbye", null, Map.of()),
            new FlowAction.Complete("goodbye")));
      }
      if (input instanceof FlowInput.Digits d && d.digits().equals("666")) {
        throw new IllegalStateException("flow bug");
      }
      return ask(call);
    }

    private static FlowStep ask(Call call) {
      return new FlowStep(call, List.of(
          new FlowAction.PlayPrompt("ask", Language.ENGLISH, "Key up to four digits", null, Map.of()),
          new FlowAction.CollectDigits(4, '#', FIRST, INTER)));
    }
  }

  private final ManualTime time = new ManualTime();
  private final RecordingFlow flow = new RecordingFlow();
  private final LoopbackTelephony phone = new LoopbackTelephony(time);
  private final CallCenter center = CallCenter.builder().clock(time).callFlow(flow).executor(Runnable::run).build();
  private final TelephonyBridge bridge = TelephonyBridge.builder().callCenter(center).telephony(phone)
      .scheduler(time).executor(Runnable::run).build().start();

  @AfterEach
  void close() {
    bridge.close();
    phone.close();
  }

  @Test
  void anOfferedCallIsAnsweredAndHearsTheFirstPrompt() {
    ChannelId channel = phone.offerCall("+966501234567", "Layla", "100");

    CallId id = bridge.callOf(channel).orElseThrow();
    Call call = center.getCall(id);
    assertThat(call.status()).isEqualTo(CallStatus.IVR_PROCESSING);
    assertThat(call.customer().phone()).hasToString("+966501234567");
    assertThat(call.customer().name()).isEqualTo("Layla");
    assertThat(phone.state(channel)).isEqualTo(LoopbackTelephony.ChannelState.ANSWERED);
    assertThat(phone.prompts(channel)).extracting(FlowAction.PlayPrompt::promptId).containsExactly("ask");
  }

  @Test
  void aCallerThatIsNotAPhoneNumberStillGetsACall() {
    ChannelId channel = phone.offerCall("alice", "100");

    Call call = center.getCall(bridge.callOf(channel).orElseThrow());
    assertThat(call.customer().phone()).isNull();
    assertThat(call.status()).isEqualTo(CallStatus.IVR_PROCESSING);
  }

  @Test
  void keysAreBufferedUntilTheTerminator() {
    ChannelId channel = phone.offerCall("+966501234567", "100");

    phone.pressKeys(channel, "12#");

    assertThat(flow.inputs).containsExactly(FlowInput.digits("12"));
  }

  @Test
  void whenAStepAsksForDigitsOrTextTheKeysAreCollectedAsDigits() {
    // an IVR question such as "key or say your order number" asks for both; a phone can only key
    CallFlow digitsOrText = new CallFlow() {
      @Override
      public FlowStep begin(Call call) {
        return new FlowStep(call, List.of(
            new FlowAction.PlayPrompt("order", Language.ENGLISH, "Key or say your order number", null, Map.of()),
            new FlowAction.CollectDigits(8, '#', FIRST, INTER),
            new FlowAction.CollectText(FIRST)));
      }

      @Override
      public FlowStep handle(Call call, FlowInput input) {
        flow.inputs.add(input);
        return new FlowStep(call, List.of(new FlowAction.Complete("done")));
      }
    };
    CallCenter center2 = CallCenter.builder().clock(time).callFlow(digitsOrText).executor(Runnable::run).build();
    LoopbackTelephony phone2 = new LoopbackTelephony(time);
    TelephonyBridge bridge2 = TelephonyBridge.builder().callCenter(center2).telephony(phone2)
        .scheduler(time).executor(Runnable::run).build().start();
    try {
      ChannelId channel = phone2.offerCall("+966501234567", "100");
      phone2.finishPrompts(channel);

      phone2.pressKeys(channel, "1234567#");

      assertThat(flow.inputs).containsExactly(FlowInput.digits("1234567"));
    } finally {
      bridge2.close();
      phone2.close();
    }
  }

  @Test
  void keysAreSubmittedAtTheMaximum() {
    ChannelId channel = phone.offerCall("+966501234567", "100");

    phone.pressKeys(channel, "123456");

    assertThat(flow.inputs).containsExactly(FlowInput.digits("1234"));
    time.advance(INTER);
    assertThat(flow.inputs).containsExactly(FlowInput.digits("1234"), FlowInput.digits("56"));
  }

  @Test
  void theInterDigitTimeoutSubmitsWhatWasKeyed() {
    ChannelId channel = phone.offerCall("+966501234567", "100");
    phone.pressKeys(channel, "7");
    time.advance(INTER.minusMillis(1));
    phone.pressKeys(channel, "8");
    time.advance(INTER.minusMillis(1));
    assertThat(flow.inputs).isEmpty();

    time.advance(Duration.ofMillis(1));

    assertThat(flow.inputs).containsExactly(FlowInput.digits("78"));
  }

  @Test
  void aLoneTerminatorIsSubmittedAsTheKey() {
    ChannelId channel = phone.offerCall("+966501234567", "100");

    phone.pressKeys(channel, "#");

    assertThat(flow.inputs).containsExactly(FlowInput.digits("#"));
  }

  @Test
  void theFirstDigitTimeoutCountsFromTheEndOfThePrompts() {
    phone.holdPrompts(true);
    ChannelId channel = phone.offerCall("+966501234567", "100");
    time.advance(FIRST.multipliedBy(5));
    assertThat(flow.inputs).isEmpty();

    phone.finishPrompts(channel);
    time.advance(FIRST.minusMillis(1));
    assertThat(flow.inputs).isEmpty();
    time.advance(Duration.ofMillis(1));

    assertThat(flow.inputs).containsExactly(FlowInput.timeout());
  }

  @Test
  void keysDuringAPromptBargeIn() {
    phone.holdPrompts(true);
    ChannelId channel = phone.offerCall("+966501234567", "100");

    phone.pressKeys(channel, "55#");

    assertThat(flow.inputs).containsExactly(FlowInput.digits("55"));
  }

  @Test
  void theFlowCompletingHangsUp() {
    ChannelId channel = phone.offerCall("+966501234567", "100");
    CallId id = bridge.callOf(channel).orElseThrow();

    phone.pressKeys(channel, "0#");

    assertThat(center.getCall(id).status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(phone.state(channel)).isEqualTo(LoopbackTelephony.ChannelState.ENDED);
    assertThat(bridge.channels()).isEmpty();
    assertThat(time.pending()).as("no timer left behind").isZero();
  }

  @Test
  void theCallerHearsTheGoodbyeBeforeTheFlowsHangUp() {
    phone.holdPrompts(true);
    ChannelId channel = phone.offerCall("+966501234567", "100");
    CallId id = bridge.callOf(channel).orElseThrow();

    phone.pressKeys(channel, "00#");

    assertThat(center.getCall(id).status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(phone.prompts(channel)).extracting(FlowAction.PlayPrompt::promptId).endsWith("goodbye");
    assertThat(phone.state(channel)).as("still hearing the goodbye").isEqualTo(LoopbackTelephony.ChannelState.ANSWERED);
    phone.pressKeys(channel, "0#");
    assertThat(flow.inputs).as("keys after the goodbye are not the flow's").containsExactly(FlowInput.digits("00"));

    phone.finishPrompts(channel);

    assertThat(phone.state(channel)).isEqualTo(LoopbackTelephony.ChannelState.ENDED);
    assertThat(phone.endedBy(channel)).contains(Party.TRANSPORT);
    assertThat(bridge.channels()).isEmpty();
    assertThat(time.pending()).as("no timer left behind").isZero();
  }

  @Test
  void aGoodbyeThatNeverFinishesIsCutAfterTheFinalPromptsTimeout() {
    phone.holdPrompts(true);
    ChannelId channel = phone.offerCall("+966501234567", "100");

    phone.pressKeys(channel, "00#");
    time.advance(TelephonyBridge.Builder.DEFAULT_FINAL_PROMPTS_TIMEOUT.minusMillis(1));
    assertThat(phone.state(channel)).isEqualTo(LoopbackTelephony.ChannelState.ANSWERED);
    time.advance(Duration.ofMillis(1));

    assertThat(phone.state(channel)).isEqualTo(LoopbackTelephony.ChannelState.ENDED);
  }

  @Test
  void aCallerHangingUpAbandonsTheCallAndTellsTheFlow() {
    ChannelId channel = phone.offerCall("+966501234567", "100");
    CallId id = bridge.callOf(channel).orElseThrow();

    phone.hangUpAsCaller(channel);

    assertThat(center.getCall(id).status()).isEqualTo(CallStatus.ABANDONED);
    assertThat(flow.inputs).containsExactly(FlowInput.hangUp());
    assertThat(time.pending()).isZero();
  }

  @Test
  void aFailingFlowFailsTheCallAndHangsUp() {
    ChannelId channel = phone.offerCall("+966501234567", "100");
    CallId id = bridge.callOf(channel).orElseThrow();

    phone.pressKeys(channel, "666#");

    assertThat(center.getCall(id).status()).isEqualTo(CallStatus.FAILED);
    assertThat(phone.state(channel)).isEqualTo(LoopbackTelephony.ChannelState.ENDED);
  }

  @Test
  void keysAfterTheCallEndedAreIgnored() {
    ChannelId channel = phone.offerCall("+966501234567", "100");
    phone.pressKeys(channel, "0#");

    phone.pressKeys(channel, "1");

    assertThat(flow.inputs).containsExactly(FlowInput.digits("0"));
  }

  @Test
  void theBuilderNamesWhatIsMissing() {
    assertThatThrownBy(() -> TelephonyBridge.builder().callCenter(center).build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("telephony");
    assertThatThrownBy(() -> TelephonyBridge.builder().telephony(phone).telephony(phone))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("telephony").hasMessageContaining("already");
    assertThatThrownBy(() -> TelephonyBridge.builder().finalPromptsTimeout(Duration.ZERO))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("finalPromptsTimeout");
  }

  @Property(tries = 50)
  void whateverIsKeyedBelowTheMaximumArrivesAfterTheInterDigitTimeout(
      @ForAll @StringLength(min = 1, max = 3) @Chars({'1', '2', '3', '4', '5', '6', '7', '8', '9', '*'}) String keys) {
    ManualTime t = new ManualTime();
    RecordingFlow f = new RecordingFlow();
    LoopbackTelephony p = new LoopbackTelephony(t);
    CallCenter c = CallCenter.builder().clock(t).callFlow(f).executor(Runnable::run).build();
    try (TelephonyBridge b = TelephonyBridge.builder().callCenter(c).telephony(p).scheduler(t)
        .executor(Runnable::run).build().start()) {
      ChannelId channel = p.offerCall("+966501234567", "100");
      p.pressKeys(channel, keys);
      t.advance(INTER);
      assertThat(f.inputs).containsExactly(FlowInput.digits(keys));
      assertThat(b.channels()).containsExactly(channel);
    }
  }
}
