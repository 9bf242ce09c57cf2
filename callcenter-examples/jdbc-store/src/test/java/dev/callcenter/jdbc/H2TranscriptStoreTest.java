package dev.callcenter.jdbc;

import dev.callcenter.crm.TranscriptStore;
import dev.callcenter.testkit.crm.TranscriptStoreCompatibilityKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class H2TranscriptStoreTest extends TranscriptStoreCompatibilityKit {
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
  protected TranscriptStore createStore() {
    return database.cleared().transcripts();
  }
}
