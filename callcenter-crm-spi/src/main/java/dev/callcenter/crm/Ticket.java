package dev.callcenter.crm;

import dev.callcenter.core.Department;
import dev.callcenter.core.IllegalTransitionException;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.internal.Checks;
import dev.callcenter.core.store.Versioned;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A support ticket: an immutable snapshot, stored with compare-and-set on {@link #version()}.
 *
 * @param callId the call the ticket came from, if any
 * @param resolvedAt when it last became RESOLVED (or CLOSED without being resolved); null while open
 * @param slaDueAt when it must be resolved, from its priority and creation time by the {@link SlaPolicy}
 */
public record Ticket(
    String id,
    @Nullable String customerId,
    @Nullable String callId,
    String subject,
    String description,
    TicketStatus status,
    TicketPriority priority,
    @Nullable Department department,
    @Nullable String assignee,
    List<TicketNote> notes,
    Set<String> tags,
    Instant createdAt,
    Instant updatedAt,
    @Nullable Instant resolvedAt,
    Instant slaDueAt,
    long version)
    implements Versioned<Ticket> {

  public static final int MAX_SUBJECT = 200;
  public static final int MAX_DESCRIPTION = 20_000;

  public Ticket {
    Checks.matches(id, Customer.ID, "id", "1-64 letters, digits or . _ : -");
    Checks.notBlank(subject, "subject");
    if (subject.length() > MAX_SUBJECT) {
      throw InvalidInputException.of("subject", "must be at most %d characters, was %d", MAX_SUBJECT,
          subject.length());
    }
    description = description == null ? "" : description;
    if (description.length() > MAX_DESCRIPTION) {
      throw InvalidInputException.of("description", "must be at most %d characters, was %d", MAX_DESCRIPTION,
          description.length());
    }
    Checks.notNull(status, "status");
    Checks.notNull(priority, "priority");
    notes = List.copyOf(Checks.notNull(notes, "notes"));
    tags = Set.copyOf(Checks.notNull(tags, "tags"));
    Checks.notNull(createdAt, "createdAt");
    Checks.notNull(updatedAt, "updatedAt");
    Checks.notNull(slaDueAt, "slaDueAt");
    if (version < 0) {
      throw InvalidInputException.of("version", "must not be negative, was %d", version);
    }
  }

  /** Whether the SLA due time has passed at {@code now} while the work is not done. */
  public boolean isOverdue(Instant now) {
    return !status.isDone() && now.isAfter(slaDueAt);
  }

  /**
   * This ticket moved to {@code target} at {@code now}; sets {@link #resolvedAt()} on the way to RESOLVED (or to
   * CLOSED when never resolved) and clears it when reopened.
   *
   * @throws IllegalTransitionException naming both statuses when the lifecycle forbids the move
   */
  public Ticket moveTo(TicketStatus target, Instant now) {
    Checks.notNull(target, "status");
    if (!status.canMoveTo(target)) {
      throw IllegalTransitionException.of("ticket " + id, status, target);
    }
    Instant resolved = target.isDone() ? (resolvedAt != null && target == TicketStatus.CLOSED ? resolvedAt : now)
        : null;
    return new Ticket(id, customerId, callId, subject, description, target, priority, department, assignee, notes,
        tags, createdAt, now, resolved, slaDueAt, version);
  }

  public Ticket withSubject(String value, Instant now) {
    return new Ticket(id, customerId, callId, value, description, status, priority, department, assignee, notes,
        tags, createdAt, now, resolvedAt, slaDueAt, version);
  }

  public Ticket withDescription(String value, Instant now) {
    return new Ticket(id, customerId, callId, subject, value, status, priority, department, assignee, notes, tags,
        createdAt, now, resolvedAt, slaDueAt, version);
  }

  /** This ticket at another priority, with the SLA due time the policy gives that priority. */
  public Ticket withPriority(TicketPriority value, Instant newSlaDueAt, Instant now) {
    return new Ticket(id, customerId, callId, subject, description, status, value, department, assignee, notes,
        tags, createdAt, now, resolvedAt, newSlaDueAt, version);
  }

  public Ticket withDepartment(@Nullable Department value, Instant now) {
    return new Ticket(id, customerId, callId, subject, description, status, priority, value, assignee, notes, tags,
        createdAt, now, resolvedAt, slaDueAt, version);
  }

  public Ticket withAssignee(@Nullable String value, Instant now) {
    return new Ticket(id, customerId, callId, subject, description, status, priority, department, value, notes,
        tags, createdAt, now, resolvedAt, slaDueAt, version);
  }

  public Ticket withCustomer(@Nullable String value, Instant now) {
    return new Ticket(id, value, callId, subject, description, status, priority, department, assignee, notes, tags,
        createdAt, now, resolvedAt, slaDueAt, version);
  }

  public Ticket withTags(Set<String> value, Instant now) {
    return new Ticket(id, customerId, callId, subject, description, status, priority, department, assignee, notes,
        value, createdAt, now, resolvedAt, slaDueAt, version);
  }

  public Ticket withNote(TicketNote note, Instant now) {
    List<TicketNote> next = new ArrayList<>(notes);
    next.add(Checks.notNull(note, "note"));
    return new Ticket(id, customerId, callId, subject, description, status, priority, department, assignee, next,
        tags, createdAt, now, resolvedAt, slaDueAt, version);
  }

  @Override
  public Ticket withVersion(long newVersion) {
    return new Ticket(id, customerId, callId, subject, description, status, priority, department, assignee, notes,
        tags, createdAt, updatedAt, resolvedAt, slaDueAt, newVersion);
  }

  @Override
  public String key() {
    return id;
  }
}
