package dev.callcenter.testkit.store;

import dev.callcenter.core.store.CallRecordStore;

class InMemoryCallRecordStoreTest extends CallRecordStoreCompatibilityKit {
  @Override
  protected CallRecordStore newStore() {
    return CallRecordStore.inMemory();
  }
}
