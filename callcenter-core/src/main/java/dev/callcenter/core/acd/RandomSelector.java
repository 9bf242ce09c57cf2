package dev.callcenter.core.acd;

import java.util.Comparator;

/**
 * {@link AgentSelector#random()}: the queue picks uniformly among the eligible agents with the ACD's
 * {@link java.util.Random}, from pools that allow an O(1) pick; the order here only keeps the sorted sets
 * consistent.
 */
final class RandomSelector implements AgentSelector {
  static final RandomSelector INSTANCE = new RandomSelector();

  private RandomSelector() {}

  @Override
  public Comparator<AgentCandidate> order() {
    return Comparator.comparing(AgentCandidate::id);
  }

  @Override
  public String toString() {
    return "random";
  }
}
