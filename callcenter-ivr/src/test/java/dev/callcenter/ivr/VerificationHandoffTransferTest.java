package dev.callcenter.ivr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.core.Call;
import dev.callcenter.core.CallCenter;
import dev.callcenter.core.CallStatus;
import dev.callcenter.core.Department;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.Language;
import dev.callcenter.core.NewCall;
import dev.callcenter.core.Priority;
import dev.callcenter.core.flow.FlowAction;
import dev.callcenter.core.flow.FlowInput;
import dev.callcenter.core.flow.FlowStep;
import dev.callcenter.crm.CrmService;
import dev.callcenter.crm.NewCustomer;
import dev.callcenter.crm.Ticket;
import dev.callcenter.crm.TicketPriority;
import dev.callcenter.crm.TicketStatus;
import dev.callcenter.testkit.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Verification by the last digits of a registered phone number, the callback ticket at HANDOFF and transfers from
 * the main menu, with the real CRM module in memory behind the seams.
 */
class VerificationHandoffTransferTest {
  private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-01T09:00:00Z"));
  private final CallCenter crmCenter = CallCenter.builder().clock(clock).build();
  private final CrmService crm = CrmService.builder(crmCenter).clock(clock).automation(false).build();
  private final String customerId = crm.customers().create(NewCustomer.builder().id("70012345").name("Sara Al-Harbi")
      .phone("+966501234567").phone("+966551112233").tier("standard").build()).id();

  @AfterEach
  void close() {
    crm.close();
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

  private CallCenter center(FlowDefinition flow, TicketRequester tickets) {
    IvrFlow ivr = IvrFlow.builder().clock(clock).flow(flow).customers(CustomerLookup.fromCrm(crm)).tickets(tickets)
        .build();
    return CallCenter.builder().clock(clock).callFlow(ivr).build();
  }

  private static FlowDefinition lastDigitsFlow() {
    return FlowDefinition.builder().verifyAlways(true).verifyBy(VerificationMethod.LAST_DIGITS).lastDigits(4)
        .build();
  }

  // ---- 1. verification by last digits -------------------------------------------------------------------------

  @Test
  void aCallerWhoKeysTheLastDigitsOfARegisteredNumberIsVerified() {
    CallCenter center = center(lastDigitsFlow(), TicketRequester.none());
    Call call = center.createCall(NewCall.fromPhone("+966509999999")); // calls from an unregistered phone
    center.startFlow(call.id());
    center.handleInput(call.id(), FlowInput.digits("2"));
    FlowStep step = center.handleInput(call.id(), FlowInput.digits(customerId + "#")); // by customer number
    assertThat(step.call().customer().customerId()).isEqualTo(customerId);
    assertThat(step.call().ivrStage()).isEqualTo("VERIFICATION");
    assertThat(text(step, "verify.ask_last_digits")).contains("last 4 digits");
    assertThat(step.actions()).anyMatch(a -> a instanceof FlowAction.CollectDigits c && c.maxDigits() == 4);

    step = center.handleInput(call.id(), FlowInput.digits("9999#")); // the phone they call from is not registered
    assertThat(prompts(step)).contains("verify.retry");
    step = center.handleInput(call.id(), FlowInput.digits("2233#")); // the second registered number
    assertThat(prompts(step)).contains("verify.success");
    assertThat(step.call().ivrStage()).isEqualTo("INTENT");
    assertThat(step.call().collectedData()).doesNotContainValue("2233");
    assertThat(step.call().flowState()).doesNotContainValue("2233");
  }

  @Test
  void theCallerIdNumberServesAndArabicIndicKeysAreAccepted() {
    CallCenter center = center(lastDigitsFlow(), TicketRequester.none());
    Call call = center.createCall(NewCall.fromPhone("+966501234567")); // identified by caller ID
    FlowStep step = center.startFlow(call.id());
    step = center.handleInput(call.id(), FlowInput.digits("1"));
    assertThat(step.call().ivrStage()).isEqualTo("VERIFICATION");
    assertThat(text(step, "verify.ask_last_digits")).contains("آخر");
    step = center.handleInput(call.id(), FlowInput.digits("٤٥٦٧#"));
    assertThat(step.call().ivrStage()).isEqualTo("INTENT");
  }

  @Test
  void failedAttemptsAreLimitedAndEndAtReceptionWithTheSameWordsForUnknownCallers() {
    List<List<String>> heard = new ArrayList<>();
    for (String number : List.of("+966501234567", "+966508888888")) { // a customer, then nobody the CRM knows
      CallCenter center = center(FlowDefinition.builder().verifyAlways(true).verifyBy(VerificationMethod.LAST_DIGITS)
          .maxPinAttempts(2).build(), TicketRequester.none());
      Call call = center.createCall(NewCall.fromPhone(number));
      center.startFlow(call.id());
      List<String> words = new ArrayList<>();
      FlowStep step = center.handleInput(call.id(), FlowInput.digits("2"));
      if (step.call().ivrStage().equals("IDENTIFICATION")) { // unknown caller: keys a number that matches nobody
        step = center.handleInput(call.id(), FlowInput.digits("0508888888#"));
      }
      words.add(text(step, "verify.ask_last_digits"));
      step = center.handleInput(call.id(), FlowInput.digits("0000#"));
      words.addAll(prompts(step));
      step = center.handleInput(call.id(), FlowInput.digits("1111#"));
      words.addAll(prompts(step));
      assertThat(IvrFlow.outcomeOf(step.call())).isEqualTo("fallback");
      assertThat(step.call().department()).isEqualTo(Department.RECEPTION);
      assertThat(step.call().status()).isEqualTo(CallStatus.IN_QUEUE);
      heard.add(words);
    }
    assertThat(heard.get(0)).containsExactly(heard.get(1).toArray(String[]::new))
        .contains("verify.retry", "verify.failed", "fallback.reception");
  }

  @Test
  void theMethodIsChosenPerFlowInJsonAndBadValuesAreNamed() {
    FlowDefinition flow = FlowDefinition.fromJson(
        "{\"verification\": {\"always\": true, \"method\": \"last_digits\", \"lastDigits\": 5}}");
    assertThat(flow.verifyBy()).isEqualTo(VerificationMethod.LAST_DIGITS);
    assertThat(flow.lastDigits()).isEqualTo(5);
    assertThat(FlowDefinition.defaults().verifyBy()).isEqualTo(VerificationMethod.PIN);
    assertThatThrownBy(() -> FlowDefinition.fromJson(
        "{\"verification\": {\"method\": \"voiceprint\", \"lastDigits\": 12}}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("$.verification.method").hasMessageContaining("last_digits")
        .hasMessageContaining("$.verification.lastDigits");
    assertThatThrownBy(() -> FlowDefinition.builder().lastDigits(2).build())
        .hasMessageContaining("lastDigits");
  }

  // ---- 2. handoff: a callback closes the call with a CRM ticket ------------------------------------------------

  private FlowStep walkToQueue(CallCenter center, Call call) {
    center.startFlow(call.id()); // a known caller without a preferred language: the language menu
    center.handleInput(call.id(), FlowInput.digits("2"));
    center.handleInput(call.id(), FlowInput.digits("2")); // complaints
    center.handleInput(call.id(), FlowInput.text("ORD-123456"));
    FlowStep step = center.handleInput(call.id(), FlowInput.text("yes"));
    assertThat(step.call().status()).isEqualTo(CallStatus.IN_QUEUE);
    return step;
  }

  @Test
  void aCallbackRequestClosesTheCallWithATicketInTheCrm() {
    CallCenter center = center(FlowDefinition.defaults(), TicketRequester.fromCrm(crm));
    Call call = center.createCall(NewCall.fromPhone("+966501234567"));
    walkToQueue(center, call);
    FlowStep step = center.handleInput(call.id(), FlowInput.digits("1"));

    assertThat(step.call().status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(IvrFlow.outcomeOf(step.call())).isEqualTo("callback");
    assertThat(prompts(step)).contains("queue.callback_confirmed");
    String ticketId = step.call().collectedData().get("ticket_id");
    assertThat(ticketId).isNotNull();
    Ticket ticket = crm.tickets().get(ticketId);
    assertThat(ticket.subject()).isEqualTo("Callback requested (complaints)");
    assertThat(ticket.description()).contains("order_number: ORD-123456", "urgent: yes", "+966501234567");
    assertThat(ticket.department()).isEqualTo(Department.COMPLAINTS);
    assertThat(ticket.priority()).isEqualTo(TicketPriority.of(step.call().priority()));
    assertThat(ticket.customerId()).isEqualTo(customerId);
    assertThat(ticket.callId()).isEqualTo(call.id().value());
    assertThat(ticket.status()).isEqualTo(TicketStatus.OPEN);
    assertThat(ticket.tags()).contains("ivr", "ivr-callback");
  }

  @Test
  void theSameCallAsksForOneTicketOnlyEvenWhenAStepRunsAgain() {
    TicketRequester tickets = TicketRequester.fromCrm(crm);
    TicketRequest request = new TicketRequest("call-1", "callback", Department.SALES, Priority.HIGH, null, null,
        Language.ENGLISH, Map.of("product_interest", "fibre"));
    Optional<String> first = tickets.request(request);
    Optional<String> again = tickets.request(request);
    assertThat(first).isPresent().isEqualTo(again);
    assertThat(crm.tickets().get(first.orElseThrow()).priority()).isEqualTo(TicketPriority.HIGH);
  }

  @Test
  void whenNoTicketCanBeOpenedTheCallerKeepsTheirPlaceInTheQueue() {
    CallCenter center = center(FlowDefinition.defaults(), request -> {
      throw new IllegalStateException("CRM down");
    });
    Call call = center.createCall(NewCall.fromPhone("+966501234567"));
    walkToQueue(center, call);
    FlowStep step = center.handleInput(call.id(), FlowInput.digits("1"));
    assertThat(step.call().status()).isEqualTo(CallStatus.IN_QUEUE);
    assertThat(IvrFlow.outcomeOf(step.call())).isEqualTo("queued");
    assertThat(step.call().tags()).contains("ticket-failed");
    assertThat(prompts(step)).doesNotContain("queue.callback_confirmed");
  }

  // ---- 3. transfer from the main menu -------------------------------------------------------------------------

  @Test
  void aMenuKeyTransfersTheCallFromTheBuilder() {
    FlowDefinition flow = FlowDefinition.builder()
        .transfer("9", new MenuTransfer("1001", "intent.operator_option")).build();
    CallCenter center = center(flow, TicketRequester.none());
    Call call = center.createCall(NewCall.fromPhone("+966501234567"));
    center.startFlow(call.id());
    FlowStep step = center.handleInput(call.id(), FlowInput.digits("2"));
    assertThat(text(step, "intent.operator_option")).isEqualTo("To speak to the operator, press 9.");
    step = center.handleInput(call.id(), FlowInput.digits("9"));
    assertThat(step.actions()).contains(new FlowAction.Transfer("1001"));
    assertThat(prompts(step)).containsExactly("intent.transferring");
    assertThat(step.call().status()).isEqualTo(CallStatus.TRANSFERRED);
    assertThat(IvrFlow.outcomeOf(step.call())).isEqualTo("transferred");
    assertThat(step.call().collectedData()).containsEntry("transferred_to", "1001");
    assertThat(flow.toMermaid()).contains("INTENT -- \"key 9\" --> TRANSFER_9");
  }

  @Test
  void aMenuKeyTransfersTheCallFromAFlowFileAndBadTransfersAreNamed() {
    FlowDefinition flow = FlowDefinition.fromJson(
        "{\"menu\": {\"1\": \"sales\", \"8\": {\"transfer\": \"+966112345678\"}}}", PromptCatalogue.defaults());
    assertThat(flow.transfers()).containsEntry("8", MenuTransfer.to("+966112345678"));
    assertThat(flow.menu()).containsOnlyKeys("1");
    CallCenter center = center(flow, TicketRequester.none());
    Call call = center.createCall(NewCall.fromPhone("+966501234567"));
    center.startFlow(call.id());
    center.handleInput(call.id(), FlowInput.digits("1"));
    FlowStep step = center.handleInput(call.id(), FlowInput.digits("8"));
    assertThat(step.actions()).contains(new FlowAction.Transfer("+966112345678"));

    assertThatThrownBy(() -> FlowDefinition.fromJson("{\"menu\": {\"8\": {\"transfer\": \"front desk\"},"
        + " \"9\": {\"transfer\": \"1001\", \"prompt\": \"no.such.prompt\", \"ring\": 3}}}", PromptCatalogue.defaults()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("$.menu.8.transfer").hasMessageContaining("$.menu.9.prompt")
        .hasMessageContaining("$.menu.9.ring");
    assertThatThrownBy(() -> FlowDefinition.builder().menu("9", Department.SALES)
        .transfer("9", MenuTransfer.to("1001")).build())
        .hasMessageContaining("menu.9").hasMessageContaining("both");
  }
}
