package dev.callcenter.core.flow;

import dev.callcenter.core.Call;
import dev.callcenter.core.internal.Checks;
import java.util.List;

/** One step of a call flow: the call as the flow leaves it, and what to do next, in order. */
public record FlowStep(Call call, List<FlowAction> actions) {
  public FlowStep {
    Checks.notNull(call, "call");
    actions = List.copyOf(actions);
  }
}
