package dev.callcenter.core.store;

import dev.callcenter.core.Agent;
import dev.callcenter.core.AgentId;

/** Stores agents. Lists are ordered by id. */
public interface AgentStore extends RecordStore<AgentId, Agent> {
  Page<Agent> list(AgentQuery query, PageRequest page);

  @Override
  default String kind() {
    return "agent";
  }

  static AgentStore inMemory() {
    return new InMemoryStores.Agents();
  }
}
