package dev.callcenter.jdbc;

import dev.callcenter.sip.extension.UserStore;

/** The contract holds for the reference itself, so it cannot pass the JDBC store for a wrong reason. */
class InMemoryUserStoreContractTest extends UserStoreContract {
  @Override
  protected UserStore newStore() {
    return UserStore.inMemory();
  }
}
