package dev.callcenter.testkit.extension;

import dev.callcenter.sip.extension.ExtensionStore;

class InMemoryExtensionStoreTest extends ExtensionStoreCompatibilityKit {
  @Override
  protected ExtensionStore createStore() {
    return ExtensionStore.inMemory();
  }
}
