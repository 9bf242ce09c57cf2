package dev.callcenter.jdbc;

import dev.callcenter.sip.extension.UserStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresUserStoreTest extends UserStoreContract {
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
  protected UserStore newStore() {
    return database.cleared().users();
  }
}
