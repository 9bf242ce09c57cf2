package dev.callcenter.crm;

import dev.callcenter.core.internal.Enums;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a ticket is in its life. The legal moves:
 *
 * <pre>
 * OPEN        → IN_PROGRESS, PENDING, RESOLVED, CLOSED
 * IN_PROGRESS → OPEN, PENDING, RESOLVED
 * PENDING     → IN_PROGRESS, RESOLVED, CLOSED
 * RESOLVED    → IN_PROGRESS (reopened), CLOSED
 * CLOSED: final
 * </pre>
 *
 * PENDING waits on the customer or a third party; RESOLVED may still be reopened, CLOSED may not.
 */
public enum TicketStatus {
  OPEN,
  IN_PROGRESS,
  PENDING,
  RESOLVED,
  CLOSED;

  private Set<TicketStatus> next;

  static {
    OPEN.next = EnumSet.of(IN_PROGRESS, PENDING, RESOLVED, CLOSED);
    IN_PROGRESS.next = EnumSet.of(OPEN, PENDING, RESOLVED);
    PENDING.next = EnumSet.of(IN_PROGRESS, RESOLVED, CLOSED);
    RESOLVED.next = EnumSet.of(IN_PROGRESS, CLOSED);
    CLOSED.next = EnumSet.noneOf(TicketStatus.class);
  }

  public boolean canMoveTo(TicketStatus target) {
    return next.contains(target);
  }

  /** The statuses this one may move to. */
  public Set<TicketStatus> nextStatuses() {
    return next.isEmpty() ? Set.of() : EnumSet.copyOf(next);
  }

  public boolean isFinal() {
    return next.isEmpty();
  }

  /** Whether the work is done (RESOLVED or CLOSED): no SLA applies any more. */
  public boolean isDone() {
    return this == RESOLVED || this == CLOSED;
  }

  /** Parses a name in any letter case ({@code "in progress"}, {@code "IN_PROGRESS"}). */
  public static TicketStatus parse(String name) {
    return Enums.parse(TicketStatus.class, name, "status");
  }
}
