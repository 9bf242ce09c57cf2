package dev.callcenter.testkit.crm;

import dev.callcenter.crm.CustomerStore;

class InMemoryCustomerStoreTest extends CustomerStoreCompatibilityKit {
  @Override
  protected CustomerStore createStore() {
    return CustomerStore.inMemory();
  }
}
