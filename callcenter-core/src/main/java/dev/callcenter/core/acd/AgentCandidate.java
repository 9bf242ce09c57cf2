package dev.callcenter.core.acd;

import dev.callcenter.core.AgentId;
import java.time.Duration;
import java.time.Instant;

/**
 * What an {@link AgentSelector} may order agents by. The values do not change while the agent is available, so an
 * order over them can be kept in a sorted index.
 */
public interface AgentCandidate {
  AgentId id();

  /** Rank for top-down routing (lower first): as configured, else the order the ACD first saw the agent. */
  int rank();

  /** Since when the agent has been idle: the end of its last call (or wrap-up), or when it logged in. */
  Instant idleSince();

  /** Calls the agent has handled. */
  long callsHandled();

  /** Total talk time of the calls the agent has handled. */
  Duration talkTime();

  /** The ACD's offer counter when the agent was last offered a call; 0 if never (round robin orders by it). */
  long lastOffered();
}
