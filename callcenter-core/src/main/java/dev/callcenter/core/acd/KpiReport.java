package dev.callcenter.core.acd;

import dev.callcenter.core.AgentId;
import dev.callcenter.core.Department;
import dev.callcenter.core.NotFoundException;
import java.time.Instant;
import java.util.Map;

/** KPIs over the window [from, to], per queue and per agent. */
public record KpiReport(Instant from, Instant to, KpiSettings settings, Map<Department, QueueKpis> queues,
    Map<AgentId, AgentKpis> agents) {

  public KpiReport {
    queues = Map.copyOf(queues);
    agents = Map.copyOf(agents);
  }

  /** @throws NotFoundException when nothing happened in that queue */
  public QueueKpis queue(Department department) {
    QueueKpis kpis = queues.get(department);
    if (kpis == null) {
      throw NotFoundException.of("queue KPIs", department);
    }
    return kpis;
  }

  /** @throws NotFoundException when nothing is known of that agent */
  public AgentKpis agent(AgentId agentId) {
    AgentKpis kpis = agents.get(agentId);
    if (kpis == null) {
      throw NotFoundException.of("agent KPIs", agentId);
    }
    return kpis;
  }
}
