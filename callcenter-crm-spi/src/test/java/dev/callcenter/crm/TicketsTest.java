package dev.callcenter.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.core.CallCenter;
import dev.callcenter.core.Department;
import dev.callcenter.core.IllegalTransitionException;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.NotFoundException;
import dev.callcenter.core.event.Event;
import dev.callcenter.core.event.EventType;
import dev.callcenter.core.store.Page;
import dev.callcenter.core.store.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class TicketsTest {
  private final TestClock clock = new TestClock(Instant.parse("2026-01-10T09:00:00Z"));
  private final CallCenter center = CallCenter.builder().clock(clock).build();
  private final CrmService crm = CrmService.builder(center).automation(false).pinHashIterations(1_000)
      .sla(SlaPolicy.defaults().with(TicketPriority.URGENT, Duration.ofMinutes(30))).build();
  private final Tickets tickets = crm.tickets();

  private Ticket open(TicketPriority priority) {
    return tickets.open(NewTicket.builder("Order never arrived").description("Order 1234 is late")
        .priority(priority).department(Department.COMPLAINTS).tag("Delivery").build());
  }

  private List<Event> ticketEvents() {
    return center.eventsAfter(0, 1000).stream().filter(e -> e.type().wireName().startsWith("ticket:")).toList();
  }

  @Test
  void openSetsStatusSlaAndEmitsTicketCreated() {
    Ticket t = open(TicketPriority.URGENT);
    assertThat(t.status()).isEqualTo(TicketStatus.OPEN);
    assertThat(t.slaDueAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(30)));
    assertThat(t.tags()).containsExactly("delivery");
    assertThat(t.resolvedAt()).isNull();
    Ticket medium = tickets.open(NewTicket.builder("Question").build());
    assertThat(medium.priority()).isEqualTo(TicketPriority.MEDIUM);
    assertThat(medium.slaDueAt()).isEqualTo(clock.instant().plus(SlaPolicy.DEFAULT_MEDIUM));

    List<Event> events = ticketEvents();
    assertThat(events).extracting(Event::type).containsExactly(EventType.TICKET_CREATED, EventType.TICKET_CREATED);
    assertThat(events.get(0).subject()).isEqualTo(t.id());
    assertThat(events.get(0).data()).containsEntry("status", "OPEN").containsEntry("department", "complaints");
  }

  @Test
  void lifecycleSetsResolvedTimeAndEmitsTicketUpdated() {
    Ticket t = open(TicketPriority.HIGH);
    clock.advance(Duration.ofMinutes(10));
    Ticket working = tickets.start(t.id(), "agent-7");
    assertThat(working.status()).isEqualTo(TicketStatus.IN_PROGRESS);
    assertThat(working.assignee()).isEqualTo("agent-7");
    clock.advance(Duration.ofMinutes(10));
    Ticket resolved = tickets.resolve(t.id());
    assertThat(resolved.resolvedAt()).isEqualTo(clock.instant());
    clock.advance(Duration.ofMinutes(10));
    Ticket closed = tickets.close(t.id());
    assertThat(closed.resolvedAt()).isEqualTo(resolved.resolvedAt());
    assertThat(closed.version()).isEqualTo(4);
    assertThat(ticketEvents()).extracting(Event::type).containsExactly(EventType.TICKET_CREATED,
        EventType.TICKET_UPDATED, EventType.TICKET_UPDATED, EventType.TICKET_UPDATED);
  }

  @Test
  void illegalTransitionsAreRefusedWithNothingChanged() {
    Ticket t = open(TicketPriority.LOW);
    tickets.close(t.id());
    Ticket closed = tickets.get(t.id());
    long eventsBefore = center.eventLog().lastSequence();
    for (TicketStatus target : TicketStatus.values()) {
      assertThatThrownBy(() -> tickets.moveTo(t.id(), target)).isInstanceOf(IllegalTransitionException.class)
          .hasMessageContaining("CLOSED").hasMessageContaining(target.name());
    }
    assertThatThrownBy(() -> tickets.update(t.id(), x -> x.withAssignee("a", clock.instant())
        .moveTo(TicketStatus.OPEN, clock.instant()))).isInstanceOf(IllegalTransitionException.class);
    assertThat(tickets.get(t.id())).isEqualTo(closed);
    assertThat(center.eventLog().lastSequence()).isEqualTo(eventsBefore);

    Ticket other = open(TicketPriority.LOW);
    tickets.moveTo(other.id(), TicketStatus.IN_PROGRESS);
    Ticket before = tickets.get(other.id());
    assertThatThrownBy(() -> tickets.moveTo(other.id(), TicketStatus.CLOSED))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(tickets.get(other.id())).isEqualTo(before);
  }

  @Property(tries = 200)
  void everyMoveIsEitherLegalAndAppliedOrRefusedAndNothingChanged(@ForAll List<TicketStatus> moves) {
    Ticket t = open(TicketPriority.MEDIUM);
    for (TicketStatus target : moves) {
      Ticket before = tickets.get(t.id());
      if (before.status().canMoveTo(target)) {
        assertThat(tickets.moveTo(t.id(), target).status()).isEqualTo(target);
        assertThat(tickets.get(t.id()).resolvedAt() != null).isEqualTo(target.isDone());
      } else {
        assertThatThrownBy(() -> tickets.moveTo(t.id(), target)).isInstanceOf(IllegalTransitionException.class);
        assertThat(tickets.get(t.id())).isEqualTo(before);
      }
    }
  }

  @Test
  void priorityChangeRecomputesSlaAndOverdueIsReported() {
    Ticket t = open(TicketPriority.LOW);
    Ticket urgent = tickets.setPriority(t.id(), TicketPriority.URGENT);
    assertThat(urgent.slaDueAt()).isEqualTo(t.createdAt().plus(Duration.ofMinutes(30)));
    assertThat(urgent.isOverdue(clock.instant())).isFalse();
    assertThat(urgent.isOverdue(clock.instant().plus(Duration.ofHours(1)))).isTrue();
  }

  @Test
  void notesTagsAndAssignment() {
    Ticket t = open(TicketPriority.MEDIUM);
    tickets.addNote(t.id(), "agent-1", "Called the courier");
    tickets.tag(t.id(), "Courier");
    Ticket after = tickets.assign(t.id(), "agent-2");
    assertThat(after.notes()).extracting(TicketNote::text).containsExactly("Called the courier");
    assertThat(after.tags()).containsExactlyInAnyOrder("delivery", "courier");
    assertThat(tickets.assign(t.id(), null).assignee()).isNull();
    assertThatThrownBy(() -> tickets.addNote(t.id(), "agent-1", " ")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("note.text");
  }

  @Test
  void badInputIsRefusedAndNothingStored() {
    assertThatThrownBy(() -> NewTicket.builder(" ")).hasMessageContaining("subject");
    assertThatThrownBy(() -> tickets.open(NewTicket.builder("x".repeat(Ticket.MAX_SUBJECT + 1)).build()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("subject");
    assertThatThrownBy(() -> tickets.open(NewTicket.builder("Hi").customerId("ghost").build()))
        .isInstanceOf(NotFoundException.class);
    assertThat(tickets.search(TicketQuery.ALL, PageRequest.first(10)).total()).isZero();
    assertThat(ticketEvents()).isEmpty();
    assertThatThrownBy(() -> SlaPolicy.of(Map.of(TicketPriority.LOW, Duration.ofHours(1))))
        .hasMessageContaining("sla.medium");
  }

  @Test
  void aTicketForACustomerJoinsTheirHistory() {
    Customer c = crm.customers().create(NewCustomer.builder().name("Omar").build());
    Ticket t = tickets.open(NewTicket.builder("Refund").customerId(c.id()).build());
    Customer after = crm.customers().get(c.id());
    assertThat(after.ticketCount()).isEqualTo(1);
    assertThat(after.lastInteraction()).map(Interaction::reference).contains(t.id());
  }

  @Test
  void searchFiltersByEveryCriterionAndPages() {
    Ticket a = open(TicketPriority.HIGH);
    clock.advance(Duration.ofHours(1));
    Ticket b = tickets.open(NewTicket.builder("Sales question").priority(TicketPriority.LOW)
        .department(Department.SALES).assignee("agent-1").build());
    clock.advance(Duration.ofHours(1));
    Ticket c = open(TicketPriority.URGENT);
    tickets.moveTo(c.id(), TicketStatus.PENDING);

    assertThat(ids(TicketQuery.ALL)).containsExactly(c.id(), b.id(), a.id());
    assertThat(ids(TicketQuery.ALL.withStatus(TicketStatus.PENDING))).containsExactly(c.id());
    assertThat(ids(TicketQuery.ALL.withPriority(TicketPriority.HIGH, TicketPriority.LOW)))
        .containsExactly(b.id(), a.id());
    assertThat(ids(TicketQuery.ALL.inDepartment(Department.SALES))).containsExactly(b.id());
    assertThat(ids(TicketQuery.ALL.assignedTo("agent-1"))).containsExactly(b.id());
    assertThat(ids(TicketQuery.ALL.containing("SALES q"))).containsExactly(b.id());
    assertThat(ids(TicketQuery.ALL.containing("1234"))).containsExactly(c.id(), a.id());
    assertThat(ids(TicketQuery.ALL.createdBetween(a.createdAt(), c.createdAt()))).containsExactly(b.id(), a.id());
    Page<Ticket> page = tickets.search(TicketQuery.ALL, PageRequest.of(1, 1));
    assertThat(page.items()).extracting(Ticket::id).containsExactly(b.id());
    assertThat(page.total()).isEqualTo(3);
    assertThat(page.hasNext()).isTrue();
  }

  private List<String> ids(TicketQuery q) {
    return tickets.search(q, PageRequest.first(100)).items().stream().map(Ticket::id).toList();
  }
}
