package dev.callcenter.core;

import dev.callcenter.core.internal.Enums;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a call is in its life. The legal moves:
 *
 * <pre>
 * INITIATED      → IVR_PROCESSING, IN_QUEUE, IN_PROGRESS, ABANDONED, FAILED
 * IVR_PROCESSING → IN_QUEUE, IN_PROGRESS, TRANSFERRED, COMPLETED, ABANDONED, FAILED
 * IN_QUEUE       → IN_PROGRESS, TRANSFERRED, COMPLETED, ABANDONED, FAILED
 * IN_PROGRESS    → TRANSFERRED, COMPLETED, FAILED
 * TRANSFERRED    → IN_QUEUE, IN_PROGRESS, COMPLETED, ABANDONED, FAILED
 * COMPLETED, ABANDONED, FAILED: final
 * </pre>
 *
 * COMPLETED from the IVR or the queue covers calls closed without an agent (a ticket, voicemail or callback
 * request); ABANDONED is the caller hanging up before an agent answered.
 */
public enum CallStatus {
  INITIATED,
  IVR_PROCESSING,
  IN_QUEUE,
  IN_PROGRESS,
  TRANSFERRED,
  COMPLETED,
  ABANDONED,
  FAILED;

  private Set<CallStatus> next;

  static {
    INITIATED.next = EnumSet.of(IVR_PROCESSING, IN_QUEUE, IN_PROGRESS, ABANDONED, FAILED);
    IVR_PROCESSING.next = EnumSet.of(IN_QUEUE, IN_PROGRESS, TRANSFERRED, COMPLETED, ABANDONED, FAILED);
    IN_QUEUE.next = EnumSet.of(IN_PROGRESS, TRANSFERRED, COMPLETED, ABANDONED, FAILED);
    IN_PROGRESS.next = EnumSet.of(TRANSFERRED, COMPLETED, FAILED);
    TRANSFERRED.next = EnumSet.of(IN_QUEUE, IN_PROGRESS, COMPLETED, ABANDONED, FAILED);
    COMPLETED.next = EnumSet.noneOf(CallStatus.class);
    ABANDONED.next = EnumSet.noneOf(CallStatus.class);
    FAILED.next = EnumSet.noneOf(CallStatus.class);
  }

  public boolean canMoveTo(CallStatus target) {
    return next.contains(target);
  }

  /** The statuses this one may move to. */
  public Set<CallStatus> nextStatuses() {
    return next.isEmpty() ? Set.of() : EnumSet.copyOf(next);
  }

  public boolean isFinal() {
    return next.isEmpty();
  }

  /** Parses a name in any letter case. */
  public static CallStatus parse(String name) {
    return Enums.parse(CallStatus.class, name, "status");
  }
}
