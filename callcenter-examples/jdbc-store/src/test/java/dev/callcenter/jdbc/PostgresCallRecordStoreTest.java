package dev.callcenter.jdbc;

import dev.callcenter.core.store.CallRecordStore;
import dev.callcenter.testkit.store.CallRecordStoreCompatibilityKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresCallRecordStoreTest extends CallRecordStoreCompatibilityKit {
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
  protected CallRecordStore newStore() {
    return database.cleared().callRecords();
  }
}
