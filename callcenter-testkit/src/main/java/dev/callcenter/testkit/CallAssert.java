package dev.callcenter.testkit;

import dev.callcenter.core.AgentId;
import dev.callcenter.core.Call;
import dev.callcenter.core.CallStatus;
import dev.callcenter.core.Department;
import dev.callcenter.core.Language;
import dev.callcenter.core.PhoneNumber;
import dev.callcenter.core.Priority;
import java.util.Objects;
import org.assertj.core.api.AbstractObjectAssert;
import org.jspecify.annotations.Nullable;

/** Assertions on a {@link Call} snapshot; start with {@link CallCenterAssertions#assertThat(Call)}. */
public final class CallAssert extends AbstractObjectAssert<CallAssert, Call> {

  CallAssert(Call actual) {
    super(actual, CallAssert.class);
  }

  private Call call() {
    isNotNull();
    return actual;
  }

  private CallAssert expect(String what, @Nullable Object expected, @Nullable Object actualValue) {
    if (!Objects.equals(expected, actualValue)) {
      failWithMessage("Expected call %s to %s <%s> but was <%s>", actual.id(), what, expected, actualValue);
    }
    return this;
  }

  public CallAssert hasStatus(CallStatus expected) {
    return expect("have status", expected, call().status());
  }

  /** Not yet COMPLETED, ABANDONED or FAILED. */
  public CallAssert isActive() {
    if (!call().isActive()) {
      failWithMessage("Expected call %s to be active but it ended as %s", actual.id(), actual.status());
    }
    return this;
  }

  /** In a final status, with its end time set. */
  public CallAssert hasEnded() {
    if (call().isActive() || actual.endedAt() == null) {
      failWithMessage("Expected call %s to have ended but it is %s", actual.id(), actual.status());
    }
    return this;
  }

  public CallAssert isInDepartment(Department expected) {
    return expect("be in department", expected, call().department());
  }

  public CallAssert hasPriority(Priority expected) {
    return expect("have priority", expected, call().priority());
  }

  public CallAssert hasLanguage(Language expected) {
    return expect("have language", expected, call().language());
  }

  public CallAssert isHandledBy(AgentId expected) {
    return expect("be handled by agent", expected, call().agentId());
  }

  public CallAssert hasNoAgent() {
    return expect("have agent", null, call().agentId());
  }

  public CallAssert isAtIvrStage(String expected) {
    return expect("be at IVR stage", expected, call().ivrStage());
  }

  /** The caller's number, given in any form {@link PhoneNumber#parse(String)} accepts. */
  public CallAssert hasCustomerPhone(String expected) {
    return expect("have customer phone", PhoneNumber.parse(expected), call().customer().phone());
  }

  public CallAssert hasCustomerId(String expected) {
    return expect("have customer id", expected, call().customer().customerId());
  }

  /** The IVR collected {@code value} under {@code key}. */
  public CallAssert hasCollected(String key, String value) {
    if (!call().collectedData().containsKey(key)) {
      failWithMessage("Expected call %s to have collected <%s> but it collected only %s", actual.id(), key,
          actual.collectedData());
    }
    return expect("have collected " + key, value, actual.collectedData().get(key));
  }

  public CallAssert hasTag(String tag) {
    if (!call().tags().contains(tag)) {
      failWithMessage("Expected call %s to have tag <%s> but its tags are %s", actual.id(), tag, actual.tags());
    }
    return this;
  }

  public CallAssert hasVersion(long expected) {
    return expect("be at version", expected, call().version());
  }

  /** Entered a queue at some point. */
  public CallAssert wasQueued() {
    if (call().queuedAt() == null) {
      failWithMessage("Expected call %s to have been queued but it never was (status %s)", actual.id(),
          actual.status());
    }
    return this;
  }

  /** Answered by an agent at some point. */
  public CallAssert wasAnswered() {
    if (call().answeredAt() == null) {
      failWithMessage("Expected call %s to have been answered but it never was (status %s)", actual.id(),
          actual.status());
    }
    return this;
  }
}
