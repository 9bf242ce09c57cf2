package dev.callcenter.testkit.crm;

import dev.callcenter.crm.TicketStore;

class InMemoryTicketStoreTest extends TicketStoreCompatibilityKit {
  @Override
  protected TicketStore createStore() {
    return TicketStore.inMemory();
  }
}
