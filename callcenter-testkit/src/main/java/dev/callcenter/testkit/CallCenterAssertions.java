package dev.callcenter.testkit;

import dev.callcenter.core.Agent;
import dev.callcenter.core.Call;
import dev.callcenter.core.CallCenter;

/**
 * AssertJ entry point for the SDK's types. Import statically beside AssertJ's own:
 *
 * <pre>{@code
 * import static dev.callcenter.testkit.CallCenterAssertions.assertThat;
 *
 * assertThat(call).hasStatus(CallStatus.IN_QUEUE).isInDepartment(Department.SALES).hasPriority(Priority.HIGH);
 * assertThat(center).call(call.id()).hasStatus(CallStatus.COMPLETED);
 * assertThat(center).hasLoggedEventsAbout(call.id(), EventType.CALL_NEW, EventType.CALL_ROUTED);
 * }</pre>
 */
public final class CallCenterAssertions {
  private CallCenterAssertions() {}

  public static CallAssert assertThat(Call actual) {
    return new CallAssert(actual);
  }

  public static AgentAssert assertThat(Agent actual) {
    return new AgentAssert(actual);
  }

  public static CallCenterAssert assertThat(CallCenter actual) {
    return new CallCenterAssert(actual);
  }
}
