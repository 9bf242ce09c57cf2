package dev.callcenter.server;

import dev.callcenter.core.Call;
import dev.callcenter.core.CallCenterException;
import dev.callcenter.core.flow.CallFlow;
import dev.callcenter.core.flow.FlowInput;
import dev.callcenter.core.flow.FlowStep;
import org.jspecify.annotations.Nullable;

/**
 * The call flow handed to the call center before the IVR exists: the IVR's seams (CRM lookup, queue outlook) need
 * the call center, so it is built after it and set here once, before the server takes calls.
 */
final class LateCallFlow implements CallFlow {
  private volatile @Nullable CallFlow target;

  void set(CallFlow flow) {
    if (target != null) {
      throw new IllegalStateException("the call flow was already set");
    }
    target = flow;
  }

  private CallFlow target() {
    CallFlow t = target;
    if (t == null) {
      throw new CallCenterException("the server's call flow is not ready yet");
    }
    return t;
  }

  @Override
  public FlowStep begin(Call call) {
    return target().begin(call);
  }

  @Override
  public FlowStep handle(Call call, FlowInput input) {
    return target().handle(call, input);
  }
}
