package dev.callcenter.core.store;

import dev.callcenter.core.Agent;
import dev.callcenter.core.AgentStatus;
import dev.callcenter.core.Department;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Which agents to list; every criterion left null (or empty) matches all. */
public record AgentQuery(@Nullable Department department, Set<AgentStatus> statuses, @Nullable String skill) {
  public static final AgentQuery ALL = new AgentQuery(null, Set.of(), null);

  public AgentQuery {
    statuses = Set.copyOf(statuses);
  }

  public static AgentQuery inDepartment(Department department) {
    return new AgentQuery(department, Set.of(), null);
  }

  public AgentQuery withStatus(AgentStatus... values) {
    return new AgentQuery(department, Set.of(values), skill);
  }

  public AgentQuery withSkill(@Nullable String value) {
    return new AgentQuery(department, statuses, value);
  }

  public boolean matches(Agent agent) {
    return (department == null || department.equals(agent.department()))
        && (statuses.isEmpty() || statuses.contains(agent.status()))
        && (skill == null || agent.skills().containsKey(skill));
  }
}
