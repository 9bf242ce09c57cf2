package dev.callcenter.jdbc;

import dev.callcenter.sip.extension.ExtensionStore;
import dev.callcenter.testkit.extension.ExtensionStoreCompatibilityKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class H2ExtensionStoreTest extends ExtensionStoreCompatibilityKit {
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
  protected ExtensionStore createStore() {
    return database.cleared().extensions();
  }
}
