package dev.callcenter.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.core.Call;
import dev.callcenter.core.CallCenter;
import dev.callcenter.core.CallStatus;
import dev.callcenter.core.Department;
import dev.callcenter.core.Language;
import dev.callcenter.core.NewCall;
import dev.callcenter.core.PhoneNumber;
import dev.callcenter.core.Priority;
import dev.callcenter.core.event.Event;
import dev.callcenter.core.event.EventType;
import dev.callcenter.core.flow.FlowAction;
import dev.callcenter.core.flow.FlowInput;
import dev.callcenter.core.flow.FlowStep;
import dev.callcenter.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whole calls walked through a real in-memory CallCenter running the IVR, on a fake clock. */
class WholeCallTest {
  private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-01T09:00:00Z"));

  private CallCenter center(IvrFlow flow) {
    return CallCenter.builder().clock(clock).callFlow(flow).build();
  }

  private static List<String> prompts(FlowStep step) {
    List<String> ids = new ArrayList<>();
    for (FlowAction a : step.actions()) {
      if (a instanceof FlowAction.PlayPrompt p) {
        ids.add(p.promptId());
      }
    }
    return ids;
  }

  private static String text(FlowStep step, String promptId) {
    return step.actions().stream().filter(a -> a instanceof FlowAction.PlayPrompt p && p.promptId().equals(promptId))
        .map(a -> ((FlowAction.PlayPrompt) a).text()).findFirst().orElseThrow(() -> new AssertionError(
            "no prompt " + promptId + " in " + prompts(step)));
  }

  @Test
  void arabicComplaintByTextLandsInComplaintsWithTheOrderNumber() {
    CallCenter center = center(IvrFlow.builder().clock(clock).build());
    List<Event> events = new ArrayList<>();
    center.subscribe(events::add);
    Call call = center.createCall(NewCall.fromPhone("+966501234567"));

    FlowStep step = center.startFlow(call.id());
    assertThat(prompts(step)).containsExactly("greeting.welcome", "greeting.welcome", "language.choose",
        "language.choose");
    assertThat(step.call().status()).isEqualTo(CallStatus.IVR_PROCESSING);
    assertThat(step.call().ivrStage()).isEqualTo("LANGUAGE_SELECTION");

    step = center.handleInput(call.id(), FlowInput.text("عربي"));
    assertThat(step.call().language()).isEqualTo(Language.ARABIC);
    assertThat(step.call().ivrStage()).isEqualTo("IDENTIFICATION");
    assertThat(text(step, "identify.ask")).contains("رقم هاتفك");

    step = center.handleInput(call.id(), FlowInput.digits("٠٥٠٩٩٩٩٩٩٩#"));  // unknown caller, Arabic-Indic keys
    assertThat(prompts(step)).startsWith("identify.thanks");
    assertThat(step.call().ivrStage()).isEqualTo("INTENT");
    assertThat(step.actions()).hasAtLeastOneElementOfType(FlowAction.CollectText.class);

    step = center.handleInput(call.id(), FlowInput.text("عندي شكوى، الطلب وصل متأخرًا والمنتج تالف"));
    assertThat(step.call().department()).isEqualTo(Department.COMPLAINTS);
    assertThat(step.call().ivrStage()).isEqualTo("DATA_COLLECTION");
    assertThat(text(step, "classify.routing")).contains("الشكاوى");
    assertThat(prompts(step)).contains("complaints.intro", "complaints.ask_order");

    step = center.handleInput(call.id(), FlowInput.text("رقم الطلب ١٢٣٤٥٦٧٨"));
    assertThat(step.call().collectedData()).containsEntry("order_number", "12345678");
    assertThat(prompts(step)).contains("complaints.ask_urgent");

    step = center.handleInput(call.id(), FlowInput.text("نعم"));
    Call queued = step.call();
    assertThat(queued.status()).isEqualTo(CallStatus.IN_QUEUE);
    assertThat(queued.department()).isEqualTo(Department.COMPLAINTS);
    assertThat(queued.priority()).isEqualTo(Priority.HIGH); // the caller said it is urgent
    assertThat(queued.collectedData()).containsEntry("order_number", "12345678").containsEntry("urgent", "yes")
        .containsKey("utterance");
    assertThat(queued.ivrStage()).isEqualTo("QUEUE");
    assertThat(step.actions()).contains(new FlowAction.Enqueue(Department.COMPLAINTS, Priority.HIGH));

    step = center.handleInput(call.id(), FlowInput.timeout()); // no callback wanted: stays in line
    assertThat(step.call().ivrStage()).isEqualTo("HANDOFF");
    assertThat(step.call().status()).isEqualTo(CallStatus.IN_QUEUE);
    assertThat(IvrFlow.outcomeOf(step.call())).isEqualTo("queued");
    assertThat(events).extracting(Event::type).contains(EventType.CALL_ROUTED, EventType.CALL_QUEUED);
  }

  @Test
  void englishSalesCallByDtmfLandsInSales() {
    CallCenter center = center(IvrFlow.builder().clock(clock).build());
    Call call = center.createCall(NewCall.fromPhone("+966501234567"));
    center.startFlow(call.id());

    FlowStep step = center.handleInput(call.id(), FlowInput.digits("2"));
    assertThat(step.call().language()).isEqualTo(Language.ENGLISH);
    assertThat(text(step, "identify.ask")).startsWith("Please enter your phone number");
    step = center.handleInput(call.id(), FlowInput.digits("0501234567#"));
    assertThat(step.call().ivrStage()).isEqualTo("INTENT");
    assertThat(step.actions()).filteredOn(a -> a instanceof FlowAction.PlayPrompt p
        && p.promptId().equals("intent.option")).extracting(a -> ((FlowAction.PlayPrompt) a).text())
        .containsExactly("For sales, press 1.", "For complaints, press 2.", "For reception, press 0.");

    step = center.handleInput(call.id(), FlowInput.digits("1"));
    assertThat(step.call().department()).isEqualTo(Department.SALES);
    assertThat(prompts(step)).contains("classify.routing", "sales.intro", "sales.ask_product");
    assertThat(step.actions()).contains(new FlowAction.CollectDigits(16, '#', StageSettings.DEFAULT_TIMEOUT,
        FlowDefinition.DEFAULT_INTER_DIGIT_TIMEOUT));

    step = center.handleInput(call.id(), FlowInput.digits("3#"));
    step = center.handleInput(call.id(), FlowInput.digits("0551234567#"));
    Call queued = step.call();
    assertThat(queued.status()).isEqualTo(CallStatus.IN_QUEUE);
    assertThat(queued.department()).isEqualTo(Department.SALES);
    assertThat(queued.collectedData()).containsEntry("product_interest", "3")
        .containsEntry("contact_phone", "+966551234567");
    assertThat(text(step, "queue.hold")).contains("stay on the line");

    step = center.handleInput(call.id(), FlowInput.digits("1")); // callback instead of waiting
    assertThat(step.call().status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(step.call().collectedData()).containsEntry("callback", "requested");
    assertThat(IvrFlow.outcomeOf(step.call())).isEqualTo("callback");
  }

  @Test
  void timeoutsAndRetriesEndAtReception() {
    CallCenter center = center(IvrFlow.builder().clock(clock).build());
    Call call = center.createCall(NewCall.fromPhone("+966501234567"));
    center.startFlow(call.id());
    center.handleInput(call.id(), FlowInput.digits("2"));
    center.handleInput(call.id(), FlowInput.digits("0501234567#"));

    FlowStep step = center.handleInput(call.id(), FlowInput.timeout());
    assertThat(prompts(step)).startsWith("input.no_input", "intent.option");
    step = center.handleInput(call.id(), FlowInput.digits("9")); // not on the menu
    assertThat(prompts(step)).startsWith("input.invalid");
    assertThat(step.call().status()).isEqualTo(CallStatus.IVR_PROCESSING);
    step = center.handleInput(call.id(), FlowInput.timeout()); // third strike: retries (2) used up

    Call fallen = step.call();
    assertThat(prompts(step)).containsExactly("fallback.reception");
    assertThat(fallen.status()).isEqualTo(CallStatus.IN_QUEUE);
    assertThat(fallen.department()).isEqualTo(Department.RECEPTION);
    assertThat(fallen.tags()).contains("ivr-fallback");
    assertThat(fallen.flowState()).containsEntry("fallback_from", "INTENT");
    assertThat(IvrFlow.outcomeOf(fallen)).isEqualTo("fallback");
  }

  @Test
  void retriesFollowTheStageSettings() {
    FlowDefinition flow = FlowDefinition.builder()
        .stage(Stage.LANGUAGE_SELECTION, new StageSettings(Duration.ofSeconds(4), 0)).build();
    CallCenter center = center(IvrFlow.builder().clock(clock).flow(flow).build());
    Call call = center.createCall(NewCall.fromPhone("+966501234567"));
    FlowStep step = center.startFlow(call.id());
    assertThat(step.actions()).contains(new FlowAction.CollectText(Duration.ofSeconds(4)));
    step = center.handleInput(call.id(), FlowInput.timeout());
    assertThat(step.call().department()).isEqualTo(Department.RECEPTION);
    assertThat(step.call().status()).isEqualTo(CallStatus.IN_QUEUE);
    assertThat(step.call().flowState()).containsEntry("fallback_from", "LANGUAGE_SELECTION");
  }

  @Test
  void outOfHoursCallersHearTheOpeningHours() {
    FlowDefinition flow = FlowDefinition.builder().businessHours(new BusinessHours(java.time.ZoneId.of("Asia/Riyadh"),
        java.time.LocalTime.of(8, 0), java.time.LocalTime.of(17, 0), java.util.EnumSet.of(java.time.DayOfWeek.SUNDAY,
        java.time.DayOfWeek.MONDAY))).build();
    CallCenter center = center(IvrFlow.builder().clock(clock).flow(flow).build());
    Call open = center.createCall(NewCall.fromPhone("+966501234567")); // Sunday 12:00 Riyadh
    assertThat(prompts(center.startFlow(open.id()))).doesNotContain("greeting.out_of_hours");
    clock.advance(Duration.ofHours(9)); // 21:00 Riyadh
    Call closed = center.createCall(NewCall.fromPhone("+966501234567"));
    FlowStep step = center.startFlow(closed.id());
    assertThat(prompts(step)).containsSubsequence("greeting.welcome", "greeting.out_of_hours", "greeting.out_of_hours",
        "language.choose");
    assertThat(step.actions()).filteredOn(a -> a instanceof FlowAction.PlayPrompt p
        && p.promptId().equals("greeting.out_of_hours") && p.language().equals(Language.ENGLISH))
        .extracting(a -> ((FlowAction.PlayPrompt) a).text())
        .containsExactly("We are sorry, our centre is closed now. Our opening hours are 08:00 to 17:00. You can leave "
            + "your request and we will call you back.");
    assertThat(step.call().tags()).contains("out-of-hours");
  }

  @Test
  void hangUpMidStageAbandonsTheCallWithItsStage() {
    CallCenter center = center(IvrFlow.builder().clock(clock).build());
    Call call = center.createCall(NewCall.fromPhone("+966501234567"));
    center.startFlow(call.id());
    center.handleInput(call.id(), FlowInput.digits("1"));
    center.handleInput(call.id(), FlowInput.digits("0501234567#"));
    center.handleInput(call.id(), FlowInput.digits("2")); // complaints: now in DATA_COLLECTION
    clock.advance(Duration.ofSeconds(20));

    FlowStep step = center.handleInput(call.id(), FlowInput.hangUp());
    Call ended = step.call();
    assertThat(ended.status()).isEqualTo(CallStatus.ABANDONED);
    assertThat(ended.ivrStage()).isEqualTo("DATA_COLLECTION");
    assertThat(ended.endedAt()).isEqualTo(clock.instant());
    assertThat(IvrFlow.outcomeOf(ended)).isEqualTo("abandoned");
    assertThat(center.getCall(call.id()).status()).isEqualTo(CallStatus.ABANDONED);
  }

  @Test
  void knownCallerIsIdentifiedByCallerIdAndGreetedInTheirLanguage() {
    CustomerLookup crm = CustomerLookup.of(Map.of(PhoneNumber.parse("+966501234567"),
        new CustomerProfile("C-1", Language.ENGLISH, "vip")));
    CallCenter center = center(IvrFlow.builder().clock(clock).customers(crm).build());
    Call call = center.createCall(NewCall.fromPhone("+966501234567"));
    FlowStep step = center.startFlow(call.id());
    assertThat(step.call().customer().customerId()).isEqualTo("C-1");
    assertThat(step.call().language()).isEqualTo(Language.ENGLISH);
    assertThat(step.call().ivrStage()).isEqualTo("INTENT"); // language and identification skipped
    assertThat(text(step, "greeting.welcome")).isEqualTo("Welcome to our customer service centre.");
    step = center.handleInput(call.id(), FlowInput.text("I want to buy a new package, what are your prices"));
    assertThat(step.call().department()).isEqualTo(Department.SALES);
    assertThat(step.call().priority()).isEqualTo(Priority.HIGH); // vip
  }

  @Test
  void verificationFailuresGoToReceptionWithoutRevealingWhetherTheRecordExists() {
    FlowDefinition flow = FlowDefinition.builder().verifyAlways(true).maxPinAttempts(2).build();
    CustomerLookup crm = CustomerLookup.of(Map.of(PhoneNumber.parse("+966501111111"),
        new CustomerProfile("C-7", null, "standard")));
    IvrFlow ivr = IvrFlow.builder().clock(clock).flow(flow).customers(crm)
        .pins(PinVerifier.of(Map.of("C-7", "4321"))).build();
    CallCenter center = center(ivr);

    // a known customer with the right PIN
    Call known = center.createCall(NewCall.fromPhone("+966502222222"));
    center.startFlow(known.id());
    center.handleInput(known.id(), FlowInput.digits("2"));
    FlowStep knownStep = center.handleInput(known.id(), FlowInput.digits("0501111111#"));
    // an unknown number: same words, same question
    Call unknown = center.createCall(NewCall.fromPhone("+966503333333"));
    center.startFlow(unknown.id());
    center.handleInput(unknown.id(), FlowInput.digits("2"));
    FlowStep unknownStep = center.handleInput(unknown.id(), FlowInput.digits("0504444444#"));
    assertThat(prompts(knownStep)).isEqualTo(prompts(unknownStep)).contains("identify.thanks", "verify.ask_pin");

    FlowStep ok = center.handleInput(known.id(), FlowInput.digits("4321#"));
    assertThat(prompts(ok)).startsWith("verify.success");
    assertThat(ok.call().ivrStage()).isEqualTo("INTENT");
    assertThat(ok.call().flowState().values()).doesNotContain("4321");

    FlowStep bad = center.handleInput(unknown.id(), FlowInput.digits("4321#"));
    assertThat(prompts(bad)).startsWith("verify.retry");
    bad = center.handleInput(unknown.id(), FlowInput.digits("1111#"));
    assertThat(prompts(bad)).containsExactly("verify.failed", "fallback.reception");
    assertThat(bad.call().department()).isEqualTo(Department.RECEPTION);
    assertThat(bad.call().flowState().values()).doesNotContain("1111", "4321");
  }

  @Test
  void lowConfidenceIsConfirmedWithTheCaller() {
    CallCenter center = center(IvrFlow.builder().clock(clock).build());
    Call call = center.createCall(NewCall.fromPhone("+966501234567"));
    center.startFlow(call.id());
    center.handleInput(call.id(), FlowInput.digits("2"));
    center.handleInput(call.id(), FlowInput.digits("0501234567#"));
    // one sales term and one complaints term: 50/50, so the caller is asked
    FlowStep step = center.handleInput(call.id(), FlowInput.text("the price was wrong"));
    assertThat(step.call().ivrStage()).isEqualTo("CLASSIFICATION");
    assertThat(prompts(step)).containsExactly("classify.confirm");
    step = center.handleInput(call.id(), FlowInput.text("no"));
    assertThat(step.call().ivrStage()).isEqualTo("INTENT");
    assertThat(prompts(step)).startsWith("intent.not_understood");
    step = center.handleInput(call.id(), FlowInput.text("I have a complaint about a damaged delivery"));
    assertThat(step.call().department()).isEqualTo(Department.COMPLAINTS);
  }

  @Test
  void callerSwitchesLanguageMidCall() {
    CallCenter center = center(IvrFlow.builder().clock(clock).build());
    Call call = center.createCall(NewCall.fromPhone("+966501234567"));
    center.startFlow(call.id());
    center.handleInput(call.id(), FlowInput.digits("1"));
    FlowStep step = center.handleInput(call.id(), FlowInput.text("English please"));
    assertThat(step.call().language()).isEqualTo(Language.ENGLISH);
    assertThat(step.call().ivrStage()).isEqualTo("IDENTIFICATION");
    assertThat(text(step, "language.switched")).isEqualTo("Certainly, we will continue in English.");
    assertThat(text(step, "identify.ask")).startsWith("Please enter");
    step = center.handleInput(call.id(), FlowInput.text("بالعربي لو سمحت"));
    assertThat(step.call().language()).isEqualTo(Language.ARABIC);
    assertThat(text(step, "language.switched")).isEqualTo("حسنًا، سنكمل باللغة العربية.");
  }

  @Test
  void anUtteranceAtTheLanguageMenuSetsTheLanguageAndIsClassified() {
    CallCenter center = center(IvrFlow.builder().clock(clock).build());
    Call call = center.createCall(NewCall.fromPhone("+966501234567"));
    center.startFlow(call.id());
    FlowStep step = center.handleInput(call.id(), FlowInput.text("أريد شراء باقة جديدة وأسعار العروض"));
    assertThat(step.call().language()).isEqualTo(Language.ARABIC);
    assertThat(step.call().ivrStage()).isEqualTo("IDENTIFICATION");
    step = center.handleInput(call.id(), FlowInput.digits("0501234567#"));
    assertThat(step.call().department()).isEqualTo(Department.SALES);
    assertThat(step.call().ivrStage()).isEqualTo("DATA_COLLECTION");
  }

  @Test
  void queuePositionAndWaitAreAnnouncedWithArabicPlurals() {
    CallCenter[] holder = new CallCenter[1];
    QueueOutlook outlook = (d, p) -> QueueOutlook.counting(holder[0], Duration.ofMinutes(4)).estimate(d, p);
    FlowDefinition flow = FlowDefinition.builder().stages(java.util.EnumSet.of(Stage.GREETING,
        Stage.LANGUAGE_SELECTION, Stage.INTENT)).build();
    CallCenter center = center(IvrFlow.builder().clock(clock).flow(flow).queueOutlook(outlook)
        .prompts(PromptCatalogue.defaults().withArabicDigits(DigitStyle.ARABIC_INDIC)).build());
    holder[0] = center;
    FlowStep last = null;
    for (int i = 0; i < 3; i++) {
      Call call = center.createCall(NewCall.fromPhone("+96650123456" + i));
      center.startFlow(call.id());
      center.handleInput(call.id(), FlowInput.digits("1"));
      last = center.handleInput(call.id(), FlowInput.digits("0"));
    }
    assertThat(last.call().status()).isEqualTo(CallStatus.IN_QUEUE);
    assertThat(text(last, "queue.position")).isEqualTo("أنت المتصل رقم \u2066٣\u2069 في قائمة الانتظار.");
    assertThat(text(last, "queue.wait")).isEqualTo("مدة الانتظار المتوقعة \u2066١٢\u2069 دقيقةً تقريبًا.");
  }
}
