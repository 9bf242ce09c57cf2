package dev.callcenter.crm;

import dev.callcenter.core.CallCenter;
import dev.callcenter.core.Department;
import dev.callcenter.core.IllegalTransitionException;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.NotFoundException;
import dev.callcenter.core.VersionConflictException;
import dev.callcenter.core.event.EventType;
import dev.callcenter.core.internal.Checks;
import dev.callcenter.core.store.Page;
import dev.callcenter.core.store.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tickets: open, move through the lifecycle ({@link TicketStatus}), assign, annotate, search. Every change is a
 * compare-and-set on the stored ticket and emits {@code ticket:created} or {@code ticket:updated} through the
 * {@link CallCenter}. A refused change (bad input, illegal transition) stores nothing and emits nothing. Obtain
 * one from {@link CrmService}. Thread-safe.
 */
public final class Tickets {
  private static final Logger LOG = LoggerFactory.getLogger(Tickets.class);

  private final TicketStore store;
  private final CallCenter center;
  private final Customers customers;
  private final SlaPolicy sla;
  private final Clock clock;
  private final int maxRetries;

  Tickets(TicketStore store, CallCenter center, Customers customers, SlaPolicy sla, Clock clock, int maxRetries) {
    this.store = store;
    this.center = center;
    this.customers = customers;
    this.sla = sla;
    this.clock = clock;
    this.maxRetries = maxRetries;
  }

  /**
   * Opens a ticket (status OPEN, SLA due time from its priority) and emits {@code ticket:created}. A ticket for a
   * known customer is added to their interaction history.
   *
   * @throws InvalidInputException naming the field; nothing is stored then
   * @throws NotFoundException when {@code customerId} names no customer
   */
  public Ticket open(NewTicket request) {
    return open(request, UUID.randomUUID().toString());
  }

  /** Opens a ticket with the given id: automation uses ids derived from the call, so that it opens one only. */
  Ticket open(NewTicket request, String id) {
    Checks.notNull(request, "ticket");
    if (request.customerId() != null) {
      customers.get(request.customerId());
    }
    Instant now = clock.instant();
    TicketPriority priority = request.priority() == null ? TicketPriority.MEDIUM : request.priority();
    Ticket ticket = new Ticket(id, request.customerId(), request.callId(),
        Checks.notBlank(request.subject(), "subject").strip(), request.description(), TicketStatus.OPEN, priority,
        request.department(),
        blankToNull(request.assignee()), List.of(), cleanTags(request.tags()), now, now, null,
        sla.dueAt(priority, now), 0);
    Ticket stored = store.insert(ticket);
    LOG.debug("ticket {} opened ({}, {})", stored.id(), stored.priority(), stored.department());
    center.emit(EventType.TICKET_CREATED, stored.id(), stored);
    if (stored.customerId() != null) {
      recordOnCustomer(stored.customerId(), stored, now);
    }
    return stored;
  }

  public Optional<Ticket> find(String id) {
    return store.find(Checks.notNull(id, "id"));
  }

  /** @throws NotFoundException when there is no such ticket */
  public Ticket get(String id) {
    return store.get(Checks.notNull(id, "id"));
  }

  public Page<Ticket> search(TicketQuery query, PageRequest page) {
    return store.list(Checks.notNull(query, "query"), Checks.notNull(page, "page"));
  }

  /**
   * Moves the ticket to {@code status}.
   *
   * @throws IllegalTransitionException naming both statuses; the ticket is unchanged and no event is emitted
   */
  public Ticket moveTo(String id, TicketStatus status) {
    Checks.notNull(status, "status");
    return modify(id, t -> t.moveTo(status, clock.instant()));
  }

  /** Starts work on the ticket: assigns it and moves it to IN_PROGRESS (one change, one event). */
  public Ticket start(String id, String assignee) {
    Checks.notBlank(assignee, "assignee");
    return modify(id, t -> t.moveTo(TicketStatus.IN_PROGRESS, clock.instant()).withAssignee(assignee,
        clock.instant()));
  }

  public Ticket resolve(String id) {
    return moveTo(id, TicketStatus.RESOLVED);
  }

  public Ticket close(String id) {
    return moveTo(id, TicketStatus.CLOSED);
  }

  /** Assigns the ticket; null unassigns it. */
  public Ticket assign(String id, @Nullable String assignee) {
    String who = blankToNull(assignee);
    return modify(id, t -> t.withAssignee(who, clock.instant()));
  }

  /** Changes the priority; the SLA due time is recomputed from the creation time. */
  public Ticket setPriority(String id, TicketPriority priority) {
    Checks.notNull(priority, "priority");
    return modify(id, t -> t.withPriority(priority, sla.dueAt(priority, t.createdAt()), clock.instant()));
  }

  public Ticket setDepartment(String id, @Nullable Department department) {
    return modify(id, t -> t.withDepartment(department, clock.instant()));
  }

  public Ticket addNote(String id, String author, String text) {
    TicketNote note = new TicketNote(author, text, clock.instant());
    return modify(id, t -> t.withNote(note, clock.instant()));
  }

  public Ticket tag(String id, String... tags) {
    Set<String> add = cleanTags(Set.of(tags));
    return modify(id, t -> {
      Set<String> next = new LinkedHashSet<>(t.tags());
      next.addAll(add);
      return t.withTags(next, clock.instant());
    });
  }

  /**
   * Applies {@code change} (use the {@code with...} methods of {@link Ticket}) to the current snapshot and stores
   * it with compare-and-set, re-applying it when another writer wins; emits {@code ticket:updated}. The change may
   * not alter the id or skip the lifecycle: a new status must be a legal move.
   */
  public Ticket update(String id, UnaryOperator<Ticket> change) {
    Checks.notNull(change, "change");
    return modify(id, current -> {
      Ticket next = change.apply(current);
      if (!next.id().equals(current.id()) || next.version() != current.version()
          || !next.createdAt().equals(current.createdAt())) {
        throw InvalidInputException.of("ticket", "an update may not change the id, version or creation time");
      }
      if (next.status() != current.status() && !current.status().canMoveTo(next.status())) {
        throw IllegalTransitionException.of("ticket " + id, current.status(), next.status());
      }
      return next;
    });
  }

  private Ticket modify(String id, UnaryOperator<Ticket> change) {
    Checks.notNull(id, "id");
    for (int attempt = 0; ; attempt++) {
      Ticket current = store.get(id);
      Ticket next = change.apply(current);
      if (next.equals(current)) {
        return current;
      }
      try {
        Ticket stored = store.update(next);
        center.emit(EventType.TICKET_UPDATED, stored.id(), stored);
        return stored;
      } catch (VersionConflictException e) {
        if (attempt >= maxRetries) {
          throw e;
        }
      }
    }
  }

  private void recordOnCustomer(String customerId, Ticket ticket, Instant now) {
    try {
      customers.recordInteraction(customerId, new Interaction(InteractionType.TICKET, ticket.id(), now,
          "ticket opened: " + ticket.subject()));
    } catch (NotFoundException e) {
      LOG.warn("ticket {}: customer {} disappeared before the interaction was recorded", ticket.id(), customerId);
    }
  }

  private static Set<String> cleanTags(Set<String> tags) {
    Set<String> out = new LinkedHashSet<>();
    for (String tag : tags) {
      if (tag == null || tag.isBlank()) {
        throw InvalidInputException.of("tags", "must not contain a blank tag");
      }
      out.add(tag.strip().toLowerCase(Locale.ROOT));
    }
    return out;
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
