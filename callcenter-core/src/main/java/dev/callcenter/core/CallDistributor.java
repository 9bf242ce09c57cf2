package dev.callcenter.core;

import org.jspecify.annotations.Nullable;

/**
 * Where a {@link CallCenter} sends the calls its call flow asks to queue ({@code FlowAction.Enqueue}). Without one
 * the call center routes and queues the call itself ({@link CallCenter#enqueue}); the ACD attaches itself when it
 * is built, so that queued calls are offered to agents automatically.
 *
 * <p>Called on the thread that carries out the call flow, never while the call center holds its event lock, so an
 * implementation may call back into the call center.
 */
@FunctionalInterface
public interface CallDistributor {
  /** Routes the call to {@code department}'s queue with {@code priority}, and distributes it from there. */
  void distribute(CallId callId, Department department, Priority priority);

  /**
   * Ends {@code callId} when it is a call this distributor connected to an agent, so that the agent follows the
   * distributor's rules (the ACD's wrap-up); {@link CallCenter#end(CallId)} asks this first, whoever ends the call
   * (a REST request, the telephony bridge on a hang-up).
   *
   * @return the ended call, or null when the call is not one of this distributor's connected calls: the call center
   *     then ends it itself
   */
  default @Nullable Call complete(CallId callId) {
    return null;
  }
}
