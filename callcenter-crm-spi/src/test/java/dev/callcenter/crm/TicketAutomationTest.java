package dev.callcenter.crm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.core.Call;
import dev.callcenter.core.CallCenter;
import dev.callcenter.core.Department;
import dev.callcenter.core.NewCall;
import dev.callcenter.core.Priority;
import dev.callcenter.core.event.Event;
import dev.callcenter.core.event.EventType;
import dev.callcenter.core.store.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class TicketAutomationTest {
  private final TestClock clock = new TestClock(Instant.parse("2026-01-10T09:00:00Z"));
  private final Queue<Runnable> pending = new ArrayDeque<>();
  private final Executor executor = pending::add;
  private final CallCenter center = CallCenter.builder().clock(clock).build();

  private CrmService crm(TicketPolicy policy) {
    return CrmService.builder(center).executor(executor).ticketPolicy(policy).pinHashIterations(1_000).build();
  }

  private void runPending() {
    Runnable r;
    while ((r = pending.poll()) != null) {
      r.run();
    }
  }

  private List<Ticket> tickets(CrmService crm) {
    return crm.tickets().search(TicketQuery.ALL, PageRequest.first(100)).items();
  }

  @Test
  void aComplaintCallProducesOneTicketThroughTheEvents() {
    CrmService crm = crm(TicketPolicy.defaults());
    Customer omar = crm.customers().create(NewCustomer.builder().name("Omar").phone("+966501234567").build());
    Call call = center.createCall(NewCall.fromPhone("+966501234567"));
    center.updateCall(call.id(), c -> c.withCustomer(c.customer().withCustomerId(omar.id()), clock.instant()));
    center.enqueue(call.id(), Department.COMPLAINTS, Priority.NORMAL);
    assertThat(tickets(crm)).isEmpty(); // nothing runs on the event thread
    runPending();
    center.end(call.id());
    runPending();

    List<Ticket> opened = tickets(crm);
    assertThat(opened).hasSize(1);
    Ticket t = opened.get(0);
    assertThat(t.callId()).isEqualTo(call.id().value());
    assertThat(t.customerId()).isEqualTo(omar.id());
    assertThat(t.department()).isEqualTo(Department.COMPLAINTS);
    assertThat(t.priority()).isEqualTo(TicketPriority.HIGH);
    assertThat(t.tags()).contains(TicketPolicy.Builder.COMPLAINT_TAG);
    assertThat(t.subject()).contains("+966501234567");

    List<Event> created = center.eventsAfter(0, 1000).stream().filter(e -> e.type() == EventType.TICKET_CREATED)
        .toList();
    assertThat(created).extracting(Event::subject).containsExactly(t.id());
    Customer after = crm.customers().get(omar.id());
    assertThat(after.ticketCount()).isEqualTo(1);
    assertThat(after.callCount()).isEqualTo(1);
  }

  @Test
  void aComplaintCallProducesATicketThroughTheShippedRules() {
    CrmService crm = crm(RulesTicketPolicy.of(dev.callcenter.rules.RuleEngine.defaults()));
    Call call = center.createCall(NewCall.fromPhone("+966501234567"));
    center.enqueue(call.id(), Department.COMPLAINTS, Priority.NORMAL);
    runPending();
    center.end(call.id());
    runPending();
    assertThat(tickets(crm)).singleElement().satisfies(t -> {
      assertThat(t.callId()).isEqualTo(call.id().value());
      assertThat(t.tags()).contains("auto:complaint");
      assertThat(t.department()).isEqualTo(Department.COMPLAINTS);
      assertThat(t.description()).contains("ticket-complaint");
    });
    assertThat(center.eventsAfter(0, 1000)).filteredOn(e -> e.type() == EventType.TICKET_CREATED).hasSize(1);
  }

  @Test
  void theRulesOpenACallbackTicketAfterAFifteenMinuteWait() {
    CrmService crm = crm(RulesTicketPolicy.of(dev.callcenter.rules.RuleEngine.defaults()));
    Call call = center.createCall(NewCall.fromPhone("+966501234567"));
    center.enqueue(call.id(), Department.SALES, Priority.NORMAL);
    clock.advance(Duration.ofMinutes(16));
    center.abandon(call.id());
    Call quick = center.createCall(NewCall.fromPhone("+966502222222"));
    center.enqueue(quick.id(), Department.SALES, Priority.NORMAL);
    center.abandon(quick.id());
    runPending();
    assertThat(tickets(crm)).singleElement().satisfies(t -> {
      assertThat(t.callId()).isEqualTo(call.id().value());
      assertThat(t.tags()).contains("auto:callback");
      assertThat(t.priority()).isEqualTo(TicketPriority.HIGH);
    });
  }

  @Test
  void severalNodesHearingTheSameEventsOpenOneTicketAndRecordTheCallOnce() {
    TicketStore sharedTickets = TicketStore.inMemory();
    CustomerStore sharedCustomers = CustomerStore.inMemory();
    List<CrmService> nodes = List.of(1, 2, 3).stream().map(n -> CrmService.builder(center).executor(executor)
        .ticketStore(sharedTickets).customerStore(sharedCustomers).pinHashIterations(1_000).build()).toList();
    Customer omar = nodes.get(0).customers().create(NewCustomer.builder().name("Omar").build());
    Call call = center.createCall(NewCall.fromPhone("+966501234567"));
    center.updateCall(call.id(), c -> c.withCustomer(c.customer().withCustomerId(omar.id()), clock.instant()));
    center.enqueue(call.id(), Department.COMPLAINTS, Priority.NORMAL);
    center.end(call.id());
    assertThat(pending).hasSizeGreaterThan(10);
    runPending();
    assertThat(tickets(nodes.get(1))).hasSize(1);
    Customer after = nodes.get(2).customers().get(omar.id());
    assertThat(after.callCount()).isEqualTo(1);
    assertThat(after.ticketCount()).isEqualTo(1);
  }

  @Test
  void aSalesCallProducesNoTicket() {
    CrmService crm = crm(TicketPolicy.defaults());
    Call call = center.createCall(NewCall.fromPhone("+966501234567"));
    center.enqueue(call.id(), Department.SALES, Priority.NORMAL);
    center.end(call.id());
    runPending();
    assertThat(tickets(crm)).isEmpty();
  }

  @Test
  void aCallAbandonedAfterALongWaitProducesACallbackTicket() {
    CrmService crm = crm(TicketPolicy.builder().abandonedAfter(Duration.ofMinutes(2)).build());
    Call patient = center.createCall(NewCall.fromPhone("+966501234567"));
    center.enqueue(patient.id(), Department.SALES, Priority.HIGH);
    Call hasty = center.createCall(NewCall.fromPhone("+966502222222"));
    center.enqueue(hasty.id(), Department.SALES, Priority.HIGH);
    clock.advance(Duration.ofSeconds(30));
    center.abandon(hasty.id());
    clock.advance(Duration.ofMinutes(2));
    center.abandon(patient.id());
    runPending();

    List<Ticket> opened = tickets(crm);
    assertThat(opened).singleElement().satisfies(t -> {
      assertThat(t.callId()).isEqualTo(patient.id().value());
      assertThat(t.tags()).contains(TicketPolicy.Builder.ABANDONED_TAG, "callback");
      assertThat(t.priority()).isEqualTo(TicketPriority.HIGH);
      assertThat(t.department()).isEqualTo(Department.SALES);
      assertThat(t.subject()).contains("150 s");
    });
  }

  @Test
  void conditionsArePluggablePredicates() {
    CrmService crm = crm(TicketPolicy.builder().complaintCalls(c -> c.tags().contains("angry"))
        .abandonedCalls(c -> false).build());
    Call call = center.createCall(NewCall.fromPhone("+966501234567"));
    center.updateCall(call.id(), c -> c.withTags(java.util.Set.of("angry"), clock.instant()));
    center.enqueue(call.id(), Department.SALES, Priority.LOW);
    runPending();
    assertThat(tickets(crm)).singleElement().extracting(Ticket::department).isEqualTo(Department.COMPLAINTS);
  }

  @Test
  void aThrowingPolicyNeverBreaksCallHandling() {
    CrmService crm = crm((event, call) -> {
      throw new IllegalStateException("policy bug");
    });
    Call call = center.createCall(NewCall.fromPhone("+966501234567"));
    center.enqueue(call.id(), Department.COMPLAINTS, Priority.LOW);
    runPending();
    assertThat(center.getCall(call.id()).department()).isEqualTo(Department.COMPLAINTS);
    assertThat(tickets(crm)).isEmpty();
  }

  @Test
  void closedServiceStopsListening() {
    CrmService crm = crm(TicketPolicy.defaults());
    crm.close();
    Call call = center.createCall(NewCall.fromPhone("+966501234567"));
    center.enqueue(call.id(), Department.COMPLAINTS, Priority.LOW);
    runPending();
    assertThat(tickets(crm)).isEmpty();
  }
}
