package dev.callcenter.core.acd;

import dev.callcenter.core.Agent;
import dev.callcenter.core.AgentId;
import dev.callcenter.core.CallId;
import dev.callcenter.core.Department;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The ACD's mutable view of one agent; guarded by the ACD's lock. The fields an {@link AgentSelector} reads only
 * change while the agent is out of the available index.
 */
final class AgentState implements AgentCandidate {
  final AgentId id;
  final Department department;
  final Map<String, Integer> skills;
  final int rank;
  RoutingState state;
  Instant idleSince;
  long callsHandled;
  Duration talkTime;
  long lastOffered;
  int noAnswers;
  boolean indexed;
  /** Bumped on every routing-state change; a timer set for an older epoch is stale. */
  long epoch;
  @Nullable Reservation reservation;
  @Nullable WaitingCall offered;
  /** The call the agent is connected to. */
  @Nullable CallId call;
  /** When the agent started handling its current (or last) call. */
  @Nullable Instant handleStart;
  /** The colleague this agent is consulting before an attended transfer. */
  @Nullable AgentState consultWith;
  /** The call this agent is being consulted about. */
  @Nullable CallId consultFor;
  /** The status to take when the current call and wrap-up are over (a break asked for during a call). */
  @Nullable RoutingState pending;

  AgentState(Agent agent, int rank) {
    this.id = agent.id();
    this.department = agent.department();
    this.skills = agent.skills();
    this.rank = rank;
    this.state = RoutingState.of(agent.status());
    Instant lastEnd = agent.stats().lastCallEndedAt();
    this.idleSince = lastEnd != null && lastEnd.isAfter(agent.statusSince()) ? lastEnd : agent.statusSince();
    this.callsHandled = agent.stats().callsHandled();
    this.talkTime = agent.stats().talkTime();
  }

  /** Proficiency in {@code skill}, 0 without it. */
  int level(String skill) {
    Integer level = skills.get(skill);
    return level == null ? 0 : level;
  }

  @Override
  public AgentId id() {
    return id;
  }

  @Override
  public int rank() {
    return rank;
  }

  @Override
  public Instant idleSince() {
    return idleSince;
  }

  @Override
  public long callsHandled() {
    return callsHandled;
  }

  @Override
  public Duration talkTime() {
    return talkTime;
  }

  @Override
  public long lastOffered() {
    return lastOffered;
  }

  @Override
  public String toString() {
    return id + "(" + state + ")";
  }
}
