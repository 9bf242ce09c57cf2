package dev.callcenter.crm;

import dev.callcenter.core.Department;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which tickets to list; every criterion left null (or empty) matches all.
 *
 * @param text matched case-insensitively against the subject, description, notes, tags and id
 * @param createdFrom inclusive lower bound of {@link Ticket#createdAt()}
 * @param createdTo exclusive upper bound of {@link Ticket#createdAt()}
 */
public record TicketQuery(
    Set<TicketStatus> statuses,
    Set<TicketPriority> priorities,
    @Nullable Department department,
    @Nullable String assignee,
    @Nullable String customerId,
    @Nullable String callId,
    @Nullable String text,
    @Nullable Instant createdFrom,
    @Nullable Instant createdTo) {
  public static final TicketQuery ALL = new TicketQuery(Set.of(), Set.of(), null, null, null, null, null, null,
      null);

  public TicketQuery {
    statuses = Set.copyOf(statuses);
    priorities = Set.copyOf(priorities);
  }

  public TicketQuery withStatus(TicketStatus... values) {
    return new TicketQuery(Set.of(values), priorities, department, assignee, customerId, callId, text, createdFrom,
        createdTo);
  }

  public TicketQuery withPriority(TicketPriority... values) {
    return new TicketQuery(statuses, Set.of(values), department, assignee, customerId, callId, text, createdFrom,
        createdTo);
  }

  public TicketQuery inDepartment(@Nullable Department value) {
    return new TicketQuery(statuses, priorities, value, assignee, customerId, callId, text, createdFrom, createdTo);
  }

  public TicketQuery assignedTo(@Nullable String value) {
    return new TicketQuery(statuses, priorities, department, value, customerId, callId, text, createdFrom,
        createdTo);
  }

  public TicketQuery forCustomer(@Nullable String value) {
    return new TicketQuery(statuses, priorities, department, assignee, value, callId, text, createdFrom, createdTo);
  }

  public TicketQuery forCall(@Nullable String value) {
    return new TicketQuery(statuses, priorities, department, assignee, customerId, value, text, createdFrom,
        createdTo);
  }

  public TicketQuery containing(@Nullable String value) {
    return new TicketQuery(statuses, priorities, department, assignee, customerId, callId, value, createdFrom,
        createdTo);
  }

  public TicketQuery createdBetween(@Nullable Instant from, @Nullable Instant to) {
    return new TicketQuery(statuses, priorities, department, assignee, customerId, callId, text, from, to);
  }

  /** Whether {@code t} matches; the in-memory store's filter and the reference for other stores. */
  public boolean matches(Ticket t) {
    return (statuses.isEmpty() || statuses.contains(t.status()))
        && (priorities.isEmpty() || priorities.contains(t.priority()))
        && (department == null || department.equals(t.department()))
        && (assignee == null || assignee.equals(t.assignee()))
        && (customerId == null || customerId.equals(t.customerId()))
        && (callId == null || callId.equals(t.callId()))
        && (createdFrom == null || !t.createdAt().isBefore(createdFrom))
        && (createdTo == null || t.createdAt().isBefore(createdTo))
        && (text == null || text.isBlank() || textMatches(t, text.trim().toLowerCase(Locale.ROOT)));
  }

  private static boolean textMatches(Ticket t, String needle) {
    return CustomerQuery.contains(t.subject(), needle) || CustomerQuery.contains(t.description(), needle)
        || CustomerQuery.contains(t.id(), needle)
        || t.notes().stream().anyMatch(n -> CustomerQuery.contains(n.text(), needle))
        || t.tags().stream().anyMatch(tag -> CustomerQuery.contains(tag, needle));
  }
}
