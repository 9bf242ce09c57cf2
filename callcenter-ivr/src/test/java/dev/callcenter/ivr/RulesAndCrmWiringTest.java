package dev.callcenter.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.core.Call;
import dev.callcenter.core.CallCenter;
import dev.callcenter.core.CallStatus;
import dev.callcenter.core.Department;
import dev.callcenter.core.Language;
import dev.callcenter.core.NewCall;
import dev.callcenter.core.Priority;
import dev.callcenter.core.flow.FlowAction;
import dev.callcenter.core.flow.FlowInput;
import dev.callcenter.core.flow.FlowStep;
import dev.callcenter.crm.CrmService;
import dev.callcenter.crm.NewCustomer;
import dev.callcenter.rules.KeywordRouter;
import dev.callcenter.rules.RuleEngine;
import dev.callcenter.rules.RuleSet;
import dev.callcenter.testkit.MutableClock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The IVR with the real rules engine, keyword router and CRM behind its seams. */
class RulesAndCrmWiringTest {
  private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-01T09:00:00Z")); // Sunday 12:00 Riyadh

  private static boolean played(FlowStep step, String promptId) {
    return step.actions().stream().anyMatch(a -> a instanceof FlowAction.PlayPrompt p && p.promptId().equals(promptId));
  }

  @Test
  void aVipFromTheCrmIsRecognisedAndRoutedByTheRules() {
    CallCenter center = CallCenter.builder().clock(clock).build();
    CrmService crm = CrmService.builder(center).automation(false).build();
    crm.customers().create(NewCustomer.builder().name("Sara Al-Harbi").phone("+966501234567").tier("vip")
        .preferredLanguage("ar").pin("4321").build());
    IvrFlow ivr = IvrFlow.builder().clock(clock)
        .customers(CustomerLookup.fromCrm(crm)).pins(PinVerifier.fromCrm(crm))
        .classifier(IntentClassifier.fromRouter(KeywordRouter.defaults()))
        .policy(CallPolicy.from(FlowDefinition.defaults()).and(CallPolicy.fromRules(RuleEngine.of(RuleSet.defaults(),
            clock))))
        .build();
    CallCenter ivrCenter = CallCenter.builder().clock(clock).callFlow(ivr).build();

    Call call = ivrCenter.createCall(NewCall.fromPhone("+966501234567"));
    FlowStep step = ivrCenter.startFlow(call.id());
    assertThat(step.call().customer().customerId()).isNotNull();
    assertThat(step.call().language()).isEqualTo(Language.ARABIC); // from the profile
    assertThat(step.call().ivrStage()).isEqualTo("INTENT");
    assertThat(played(step, "greeting.out_of_hours")).isFalse();

    step = ivrCenter.handleInput(call.id(), FlowInput.text("عندي شكوى واريد استرداد المبلغ"));
    assertThat(step.call().department()).isEqualTo(Department.COMPLAINTS);
    assertThat(step.call().priority()).isEqualTo(Priority.HIGH); // rules: vip
    assertThat(step.call().tags()).contains("vip");
    assertThat(step.call().collectedData().get("matched_terms")).isNotBlank();
    crm.close();
  }

  @Test
  void theRulesOutOfHoursNoticeAndAnUnknownCallerAreHandled() {
    clock.advance(java.time.Duration.ofHours(12)); // 00:00 Riyadh
    CallCenter center = CallCenter.builder().clock(clock).build();
    CrmService crm = CrmService.builder(center).automation(false).build();
    IvrFlow ivr = IvrFlow.builder().clock(clock).customers(CustomerLookup.fromCrm(crm))
        .pins(PinVerifier.fromCrm(crm)).classifier(IntentClassifier.fromRouter(KeywordRouter.defaults()))
        .policy(CallPolicy.fromRules(RuleEngine.of(RuleSet.defaults(), clock))).build();
    CallCenter ivrCenter = CallCenter.builder().clock(clock).callFlow(ivr).build();
    Call call = ivrCenter.createCall(NewCall.fromPhone("+966509999999"));
    FlowStep step = ivrCenter.startFlow(call.id());
    assertThat(played(step, "greeting.closed")).isTrue(); // the rules say closed; the flow has no hours to announce
    assertThat(step.call().tags()).contains("out_of_hours");
    step = ivrCenter.handleInput(call.id(), FlowInput.digits("2"));
    step = ivrCenter.handleInput(call.id(), FlowInput.digits("0509999999#"));
    assertThat(step.call().customer().customerId()).isNull();
    step = ivrCenter.handleInput(call.id(), FlowInput.digits("1"));
    assertThat(step.call().department()).isEqualTo(Department.SALES);
    step = ivrCenter.handleInput(call.id(), FlowInput.text("the new phone"));
    step = ivrCenter.handleInput(call.id(), FlowInput.digits("0509999999#"));
    assertThat(step.call().status()).isEqualTo(CallStatus.IN_QUEUE);
    crm.close();
  }
}
