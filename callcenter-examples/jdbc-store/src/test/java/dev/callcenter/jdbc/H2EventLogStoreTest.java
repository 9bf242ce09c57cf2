package dev.callcenter.jdbc;

import dev.callcenter.core.store.EventLogStore;
import dev.callcenter.testkit.store.EventLogStoreCompatibilityKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class H2EventLogStoreTest extends EventLogStoreCompatibilityKit {
  private static TestDatabase database;

  @BeforeAll
  static void openDatabase() {
    database = TestDatabase.h2();
  }

  @AfterAll
  static void closeDatabase() {
    database.close();
  }

  @Override
  protected EventLogStore newStore() {
    return database.cleared().eventLog();
  }
}
