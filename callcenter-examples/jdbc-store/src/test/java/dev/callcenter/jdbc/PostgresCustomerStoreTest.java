package dev.callcenter.jdbc;

import dev.callcenter.crm.CustomerStore;
import dev.callcenter.testkit.crm.CustomerStoreCompatibilityKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresCustomerStoreTest extends CustomerStoreCompatibilityKit {
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
  protected CustomerStore createStore() {
    return database.cleared().customers();
  }
}
