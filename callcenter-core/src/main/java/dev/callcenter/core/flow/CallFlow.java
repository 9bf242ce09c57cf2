package dev.callcenter.core.flow;

import dev.callcenter.core.Call;
import dev.callcenter.core.Department;
import dev.callcenter.core.Priority;
import java.util.List;

/**
 * Talks to a caller: decides, from the call and one input, the call's next state and what to do. Must be pure and
 * deterministic (no I/O, time only from the call's timestamps or an injected clock): the runtime may call it again
 * with a fresh snapshot when a concurrent write wins.
 *
 * <p>A flow changes the call through its withers (stage, language, collected data, flow state, department,
 * priority, customer) but never its status: status changes are asked for with {@link FlowAction}s.
 */
public interface CallFlow {
  /** The first step, when the call enters the flow. */
  FlowStep begin(Call call);

  /** The step after {@code input}. */
  FlowStep handle(Call call, FlowInput input);

  /** No IVR: every call is routed straight to {@code department}'s queue at normal priority. */
  static CallFlow direct(Department department) {
    return new CallFlow() {
      @Override
      public FlowStep begin(Call call) {
        return new FlowStep(call, List.of(new FlowAction.Enqueue(department, Priority.NORMAL)));
      }

      @Override
      public FlowStep handle(Call call, FlowInput input) {
        return input instanceof FlowInput.HangUp
            ? new FlowStep(call, List.of(new FlowAction.HangUp(FlowAction.HangUp.Reason.CALLER)))
            : new FlowStep(call, List.of());
      }
    };
  }
}
