package dev.callcenter.core.acd;

import dev.callcenter.core.internal.Checks;
import java.util.Comparator;

/**
 * Chooses which available agent is offered a call: an order over {@link AgentCandidate}s, the first being offered
 * first. The ACD keeps available agents sorted by this order (per queue, skill and proficiency), so choosing costs
 * O(log n) whatever the order is. The order must only read the candidate (never outside state) and must be
 * consistent; ties are broken by agent id.
 *
 * <p>The built-in strategies are the static factories here; a team writes its own by implementing {@link #order()}.
 */
public interface AgentSelector {
  /** The order of preference: smaller first. */
  Comparator<AgentCandidate> order();

  /**
   * When true, agents with a higher proficiency in the call's skill are always preferred, and {@link #order()}
   * only ranks agents of equal proficiency.
   */
  default boolean highestProficiencyFirst() {
    return false;
  }

  /** The agent idle longest (earliest {@link AgentCandidate#idleSince()}). */
  static AgentSelector longestIdle() {
    return named("longest-idle", Comparator.comparing(AgentCandidate::idleSince), false);
  }

  /** Each agent in turn: the one offered a call least recently, then by rank. */
  static AgentSelector roundRobin() {
    return named("round-robin", Comparator.comparingLong(AgentCandidate::lastOffered)
        .thenComparingInt(AgentCandidate::rank), false);
  }

  /** The agent who has handled the fewest calls, then the one idle longest. */
  static AgentSelector fewestCalls() {
    return named("fewest-calls", Comparator.comparingLong(AgentCandidate::callsHandled)
        .thenComparing(AgentCandidate::idleSince), false);
  }

  /** The agent with the least total talk time, then the one idle longest. */
  static AgentSelector leastTalkTime() {
    return named("least-talk-time", Comparator.comparing(AgentCandidate::talkTime)
        .thenComparing(AgentCandidate::idleSince), false);
  }

  /**
   * A uniformly random eligible agent, drawn with the ACD's {@link java.util.Random} (seed it in
   * {@link Acd.Builder#random} for repeatable routing). Picking costs O(1).
   */
  static AgentSelector random() {
    return RandomSelector.INSTANCE;
  }

  /** Always the first available agent in rank order (a hunt group). */
  static AgentSelector topDown() {
    return named("top-down", Comparator.comparingInt(AgentCandidate::rank), false);
  }

  /** The agent with the highest proficiency in the call's skill; among equals, the one idle longest. */
  static AgentSelector bestProficiency() {
    return named("best-proficiency", Comparator.comparing(AgentCandidate::idleSince), true);
  }

  private static AgentSelector named(String name, Comparator<AgentCandidate> order, boolean byProficiency) {
    Checks.notNull(order, "order");
    return new AgentSelector() {
      @Override
      public Comparator<AgentCandidate> order() {
        return order;
      }

      @Override
      public boolean highestProficiencyFirst() {
        return byProficiency;
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }
}
