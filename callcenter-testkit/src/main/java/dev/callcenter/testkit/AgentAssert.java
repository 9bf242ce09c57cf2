package dev.callcenter.testkit;

import dev.callcenter.core.Agent;
import dev.callcenter.core.AgentStatus;
import dev.callcenter.core.Department;
import java.util.Objects;
import org.assertj.core.api.AbstractObjectAssert;
import org.jspecify.annotations.Nullable;

/** Assertions on an {@link Agent} snapshot; start with {@link CallCenterAssertions#assertThat(Agent)}. */
public final class AgentAssert extends AbstractObjectAssert<AgentAssert, Agent> {

  AgentAssert(Agent actual) {
    super(actual, AgentAssert.class);
  }

  private Agent agent() {
    isNotNull();
    return actual;
  }

  private AgentAssert expect(String what, @Nullable Object expected, @Nullable Object actualValue) {
    if (!Objects.equals(expected, actualValue)) {
      failWithMessage("Expected agent %s to %s <%s> but was <%s>", actual.id(), what, expected, actualValue);
    }
    return this;
  }

  public AgentAssert hasStatus(AgentStatus expected) {
    return expect("have status", expected, agent().status());
  }

  public AgentAssert isInDepartment(Department expected) {
    return expect("be in department", expected, agent().department());
  }

  /** Has {@code skill} at exactly {@code proficiency} (1-5). */
  public AgentAssert hasSkill(String skill, int proficiency) {
    if (!agent().skills().containsKey(skill)) {
      failWithMessage("Expected agent %s to have skill <%s> but its skills are %s", actual.id(), skill,
          actual.skills());
    }
    return expect("have proficiency in " + skill, proficiency, actual.skills().get(skill));
  }

  public AgentAssert hasHandledCalls(long expected) {
    return expect("have handled calls", expected, agent().stats().callsHandled());
  }
}
