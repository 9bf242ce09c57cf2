package dev.callcenter.core.acd;

import dev.callcenter.core.CallId;
import dev.callcenter.core.Priority;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A call in the ACD: waiting (perhaps as a callback) or offered to an agent. Guarded by the ACD's lock. */
final class WaitingCall {
  enum State { WAITING, OFFERED }

  final CallId id;
  final Priority priority;
  final @Nullable String skill;
  /** When the call first entered a queue; its score keeps this across overflows. */
  final Instant firstQueuedAt;
  /** Tie-break: arrival order. */
  final long seq;
  QueueState queue;
  /** When the call entered its current queue; routing steps and maximum wait count from here. */
  Instant enteredQueueAt;
  /** Sort key in the queue: first queued time minus the priority bonus, in nanoseconds; smaller is served first. */
  long key;
  int stepIndex;
  int joinPosition;
  int hops;
  boolean callback;
  /** In the queue's waiting sets (false while offered, or while offered directly before ever joining). */
  boolean joined;
  State state = State.WAITING;
  long epoch;
  @Nullable AgentState agent;
  /** How the call left, when it left by a fallback. */
  @Nullable Fallback exit;

  WaitingCall(CallId id, Priority priority, @Nullable String skill, Instant firstQueuedAt, long seq,
      QueueState queue) {
    this.id = id;
    this.priority = priority;
    this.skill = skill;
    this.firstQueuedAt = firstQueuedAt;
    this.seq = seq;
    this.queue = queue;
    this.enteredQueueAt = firstQueuedAt;
  }

  String groupKey() {
    return skill == null ? "" : skill;
  }

  @Override
  public String toString() {
    return id + "(" + state + (callback ? ", callback" : "") + ")";
  }
}
