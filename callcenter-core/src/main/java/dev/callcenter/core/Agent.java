package dev.callcenter.core;

import dev.callcenter.core.internal.Checks;
import dev.callcenter.core.store.Versioned;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * An agent, as an immutable snapshot stored with compare-and-set (see {@link Versioned}).
 *
 * @param extension the SIP extension or phone the agent answers on, if any
 * @param skills skill name to proficiency 1-5
 * @param statusSince when the agent entered the current status
 */
public record Agent(
    AgentId id,
    String name,
    @Nullable String email,
    @Nullable String extension,
    Department department,
    Map<String, Integer> skills,
    AgentStatus status,
    Instant statusSince,
    AgentStats stats,
    long version)
    implements Versioned<Agent> {

  public Agent {
    Checks.notNull(id, "id");
    Checks.notBlank(name, "name");
    Checks.notNull(department, "department");
    Checks.notNull(status, "status");
    Checks.notNull(statusSince, "statusSince");
    Checks.notNull(stats, "stats");
    TreeMap<String, Integer> checked = new TreeMap<>();
    Checks.notNull(skills, "skills").forEach((skill, level) -> {
      Skill s = Skill.of(skill, Checks.notNull(level, "skills." + skill));
      checked.put(s.name(), s.proficiency());
    });
    skills = Map.copyOf(checked);
  }

  /** A new agent, OFFLINE since now, with no statistics. */
  public static Agent create(AgentId id, String name, Department department, Map<String, Integer> skills,
      Instant now) {
    return new Agent(id, name, null, null, department, skills, AgentStatus.OFFLINE, now, AgentStats.NONE, 0);
  }

  /** The agent's proficiency in {@code skill}, if it has it. */
  public Optional<Integer> proficiency(String skill) {
    return Optional.ofNullable(skills.get(skill));
  }

  /**
   * This agent in {@code target} status since {@code now}. An OFFLINE agent must log in (become AVAILABLE) before
   * it can be BUSY.
   */
  public Agent withStatus(AgentStatus target, Instant now) {
    Checks.notNull(target, "status");
    if (status == AgentStatus.OFFLINE && target == AgentStatus.BUSY) {
      throw IllegalTransitionException.of("agent " + id, status, target);
    }
    if (target == status) {
      return this;
    }
    return new Agent(id, name, email, extension, department, skills, target, now, stats, version);
  }

  public Agent withContact(@Nullable String newEmail, @Nullable String newExtension) {
    return new Agent(id, name, newEmail, newExtension, department, skills, status, statusSince, stats, version);
  }

  public Agent withSkills(Map<String, Integer> newSkills) {
    return new Agent(id, name, email, extension, department, newSkills, status, statusSince, stats, version);
  }

  public Agent withDepartment(Department newDepartment) {
    return new Agent(id, name, email, extension, newDepartment, skills, status, statusSince, stats, version);
  }

  public Agent withStats(AgentStats newStats) {
    return new Agent(id, name, email, extension, department, skills, status, statusSince, newStats, version);
  }

  @Override
  public Agent withVersion(long newVersion) {
    return new Agent(id, name, email, extension, department, skills, status, statusSince, stats, newVersion);
  }

  @Override
  public String key() {
    return id.value();
  }
}
