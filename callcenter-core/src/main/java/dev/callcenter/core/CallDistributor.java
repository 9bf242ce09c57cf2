package dev.callcenter.core;

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
}
