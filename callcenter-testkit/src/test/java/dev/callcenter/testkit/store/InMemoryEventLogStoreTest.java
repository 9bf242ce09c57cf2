package dev.callcenter.testkit.store;

import dev.callcenter.core.store.EventLogStore;

class InMemoryEventLogStoreTest extends EventLogStoreCompatibilityKit {
  @Override
  protected EventLogStore newStore() {
    return EventLogStore.inMemory();
  }
}
