package dev.callcenter.testkit.crm;

import dev.callcenter.crm.TranscriptStore;

class InMemoryTranscriptStoreTest extends TranscriptStoreCompatibilityKit {
  @Override
  protected TranscriptStore createStore() {
    return TranscriptStore.inMemory();
  }
}
