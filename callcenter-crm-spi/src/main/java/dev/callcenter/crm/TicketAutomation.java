package dev.callcenter.crm;

import dev.callcenter.core.Call;
import dev.callcenter.core.CallCenter;
import dev.callcenter.core.AlreadyExistsException;
import dev.callcenter.core.CallId;
import dev.callcenter.core.NotFoundException;
import dev.callcenter.core.event.Event;
import dev.callcenter.core.event.EventListener;
import dev.callcenter.core.event.EventType;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens to call events: asks the {@link TicketPolicy} whether to open a ticket, and adds finished calls of
 * known customers to their interaction history. Work runs on the executor, never on the event thread, so events
 * this work emits never nest inside the delivery of another. Failures are logged, never thrown at the publisher.
 */
final class TicketAutomation implements EventListener {
  private static final Logger LOG = LoggerFactory.getLogger(TicketAutomation.class);
  private static final Set<EventType> CALL_EVENTS = EnumSet.of(EventType.CALL_NEW, EventType.CALL_UPDATED,
      EventType.CALL_ROUTED, EventType.CALL_QUEUED, EventType.CALL_TRANSFERRED, EventType.CALL_ABANDONED,
      EventType.CALL_ENDED);

  private final CallCenter center;
  private final Tickets tickets;
  private final Customers customers;
  private final TicketPolicy policy;
  private final Executor executor;

  TicketAutomation(CallCenter center, Tickets tickets, Customers customers, TicketPolicy policy,
      Executor executor) {
    this.center = center;
    this.tickets = tickets;
    this.customers = customers;
    this.policy = policy;
    this.executor = executor;
  }

  @Override
  public void onEvent(Event event) {
    if (!CALL_EVENTS.contains(event.type())) {
      return;
    }
    try {
      executor.execute(() -> handle(event));
    } catch (RejectedExecutionException e) {
      LOG.warn("ticket automation skipped {} #{}: executor rejected the task", event.type(), event.sequence());
    }
  }

  void handle(Event event) {
    try {
      Optional<Call> found = center.findCall(CallId.of(event.subject()));
      if (found.isEmpty()) {
        return;
      }
      Call call = found.get();
      Optional<NewTicket> wanted = policy.ticketFor(event, call);
      if (wanted.isPresent()) {
        open(wanted.get(), call, event);
      }
      if ((event.type() == EventType.CALL_ENDED || event.type() == EventType.CALL_ABANDONED)
          && call.customer().customerId() != null) {
        recordCall(call, event);
      }
    } catch (RuntimeException e) {
      LOG.warn("ticket automation failed on {} #{} for call {}", event.type(), event.sequence(), event.subject(), e);
    }
  }

  /**
   * Opens the ticket under an id derived from the call and the ticket's tags, so that the same ticket asked for on
   * several events of a call, or by several nodes that all hear the events, is opened once.
   */
  private void open(NewTicket wanted, Call call, Event event) {
    String id = wanted.callId() == null ? UUID.randomUUID().toString()
        : UUID.nameUUIDFromBytes((wanted.callId() + "\n" + new TreeSet<>(wanted.tags()))
            .getBytes(StandardCharsets.UTF_8)).toString();
    if (tickets.find(id).isPresent()) {
      return;
    }
    try {
      Ticket ticket = tickets.open(wanted, id);
      LOG.info("ticket {} opened automatically for call {} on {}", ticket.id(), call.id(), event.type());
    } catch (AlreadyExistsException e) {
      LOG.debug("ticket {} for call {} was opened meanwhile (another thread or node)", id, call.id());
    }
  }

  private void recordCall(Call call, Event event) {
    String summary = (event.type() == EventType.CALL_ABANDONED ? "call abandoned" : "call completed")
        + (call.department() != null ? " (" + call.department().id() + ")" : "");
    try {
      customers.recordInteractionOnce(call.customer().customerId(),
          new Interaction(InteractionType.CALL, call.id().value(), event.timestamp(), summary));
    } catch (NotFoundException e) {
      LOG.debug("call {} names customer {}, who is not in the CRM", call.id(), call.customer().customerId());
    }
  }
}
