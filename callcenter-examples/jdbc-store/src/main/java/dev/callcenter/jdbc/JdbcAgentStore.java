package dev.callcenter.jdbc;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.callcenter.core.Agent;
import dev.callcenter.core.AgentId;
import dev.callcenter.core.AgentStats;
import dev.callcenter.core.AgentStatus;
import dev.callcenter.core.Department;
import dev.callcenter.core.internal.Checks;
import dev.callcenter.core.store.AgentQuery;
import dev.callcenter.core.store.AgentStore;
import dev.callcenter.core.store.Page;
import dev.callcenter.core.store.PageRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Agents in table {@code cc_agents}, with their skills also in {@code cc_agent_skills} for the skill filter. */
final class JdbcAgentStore extends JdbcRecordStore<AgentId, Agent> implements AgentStore {
  private static final TypeReference<Map<String, Integer>> SKILLS = new TypeReference<>() {};

  JdbcAgentStore(Database database) {
    super(database, "cc_agents", List.of("name", "email", "extension", "department", "status", "status_since",
        "skills", "calls_handled", "talk_time_ns", "last_call_ended_at"), "id");
  }

  @Override
  List<Object> values(Agent agent) {
    return Arrays.asList(agent.name(), agent.email(), agent.extension(), agent.department().id(), agent.status(),
        agent.statusSince(), Database.json(agent.skills()), agent.stats().callsHandled(), agent.stats().talkTime(),
        agent.stats().lastCallEndedAt());
  }

  @Override
  Agent read(ResultSet row) throws SQLException {
    return new Agent(AgentId.of(row.getString("id")), row.getString("name"), row.getString("email"),
        row.getString("extension"), Department.of(row.getString("department")),
        Database.fromJson(row.getString("skills"), SKILLS), AgentStatus.valueOf(row.getString("status")),
        Database.requiredInstant(row, "status_since"),
        new AgentStats(row.getLong("calls_handled"), Duration.ofNanos(row.getLong("talk_time_ns")),
            Database.instant(row, "last_call_ended_at")),
        row.getLong("version"));
  }

  @Override
  Agent asStored(Agent a) {
    AgentStats stats = a.stats();
    return new Agent(a.id(), a.name(), a.email(), a.extension(), a.department(), a.skills(), a.status(),
        Database.stored(a.statusSince()),
        new AgentStats(stats.callsHandled(), stats.talkTime(), Database.storedOrNull(stats.lastCallEndedAt())),
        a.version());
  }

  @Override
  void afterWrite(Connection connection, Agent agent) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM cc_agent_skills WHERE agent_id = ?")) {
      delete.setString(1, agent.id().value());
      delete.executeUpdate();
    }
    if (agent.skills().isEmpty()) {
      return;
    }
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO cc_agent_skills (agent_id, skill, proficiency) VALUES (?, ?, ?)")) {
      for (Map.Entry<String, Integer> skill : agent.skills().entrySet()) {
        insert.setString(1, agent.id().value());
        insert.setString(2, skill.getKey());
        insert.setInt(3, skill.getValue());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  @Override
  public Page<Agent> list(AgentQuery query, PageRequest page) {
    Checks.notNull(query, "query");
    Where where = new Where()
        .equal("department", query.department() == null ? null : query.department().id())
        .in("status", query.statuses());
    if (query.skill() != null) {
      where.and("EXISTS (SELECT 1 FROM cc_agent_skills s WHERE s.agent_id = cc_agents.id AND s.skill = ?)",
          query.skill());
    }
    return page(where, page);
  }
}
