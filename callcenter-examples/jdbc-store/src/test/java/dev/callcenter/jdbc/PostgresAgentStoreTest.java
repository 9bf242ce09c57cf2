package dev.callcenter.jdbc;

import dev.callcenter.core.store.AgentStore;
import dev.callcenter.testkit.store.AgentStoreCompatibilityKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresAgentStoreTest extends AgentStoreCompatibilityKit {
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
  protected AgentStore newStore() {
    return database.cleared().agents();
  }
}
