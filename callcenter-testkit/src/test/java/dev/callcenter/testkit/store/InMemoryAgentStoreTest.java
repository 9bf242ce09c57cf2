package dev.callcenter.testkit.store;

import dev.callcenter.core.store.AgentStore;

class InMemoryAgentStoreTest extends AgentStoreCompatibilityKit {
  @Override
  protected AgentStore newStore() {
    return AgentStore.inMemory();
  }
}
