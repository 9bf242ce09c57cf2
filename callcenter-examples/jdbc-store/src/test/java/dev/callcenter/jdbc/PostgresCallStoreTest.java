package dev.callcenter.jdbc;

import dev.callcenter.core.store.CallStore;
import dev.callcenter.testkit.store.CallStoreCompatibilityKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresCallStoreTest extends CallStoreCompatibilityKit {
  private static TestDatabase database;

  @BeforeAll
  static void openDatabase() {
    database = TestDatabase.postgres();
  }

  @AfterAll
  static void closeDatabase() {
    database.close();
  }

  @Override
  protected CallStore newStore() {
    return database.cleared().calls();
  }
}
