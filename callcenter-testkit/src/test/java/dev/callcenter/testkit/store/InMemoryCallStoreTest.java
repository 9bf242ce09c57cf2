package dev.callcenter.testkit.store;

import dev.callcenter.core.store.CallStore;

class InMemoryCallStoreTest extends CallStoreCompatibilityKit {
  @Override
  protected CallStore newStore() {
    return CallStore.inMemory();
  }
}
