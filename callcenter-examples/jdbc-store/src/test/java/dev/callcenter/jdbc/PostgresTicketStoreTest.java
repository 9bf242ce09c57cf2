package dev.callcenter.jdbc;

import dev.callcenter.crm.TicketStore;
import dev.callcenter.testkit.crm.TicketStoreCompatibilityKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresTicketStoreTest extends TicketStoreCompatibilityKit {
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
  protected TicketStore createStore() {
    return database.cleared().tickets();
  }
}
