package dev.callcenter.jdbc;

import dev.callcenter.crm.TicketStore;
import dev.callcenter.testkit.crm.TicketStoreCompatibilityKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class H2TicketStoreTest extends TicketStoreCompatibilityKit {
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
  protected TicketStore createStore() {
    return database.cleared().tickets();
  }
}
