package dev.callcenter.core.acd;

import dev.callcenter.core.CallId;
import dev.callcenter.core.Department;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Where a call stands in the ACD, as the IVR announces it and the API shows it.
 *
 * @param queue the queue the call is in (or last was in)
 * @param position 1 for the next call to be served; 0 when the call is not waiting
 * @param estimatedWait from the queue's {@link WaitEstimator}; zero when not waiting
 * @param fallback when the state is {@link State#LEFT}, how the call left
 */
public record Placement(CallId callId, Department queue, State state, int position, Duration estimatedWait,
    @Nullable Fallback fallback) {

  /** Where the call is. */
  public enum State {
    /** Waiting in the queue with the caller on the line. */
    WAITING,
    /** Waiting in the queue as a callback: the caller hung up and keeps the place. */
    CALLBACK,
    /** Offered to an agent, not answered yet. */
    OFFERED,
    /** Answered by an agent. */
    CONNECTED,
    /** No longer in the ACD: answered and finished, abandoned, or sent to voicemail or a ticket. */
    LEFT
  }
}
