package dev.callcenter.jdbc;

import dev.callcenter.crm.TranscriptStore;
import dev.callcenter.testkit.crm.TranscriptStoreCompatibilityKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresTranscriptStoreTest extends TranscriptStoreCompatibilityKit {
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
  protected TranscriptStore createStore() {
    return database.cleared().transcripts();
  }
}
