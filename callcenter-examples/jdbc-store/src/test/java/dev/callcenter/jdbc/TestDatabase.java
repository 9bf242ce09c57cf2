package dev.callcenter.jdbc;

import dev.callcenter.jdbc.testdb.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A database for one test class: an in-memory H2 database, or a fresh schema on PostgreSQL ({@link TestPostgres}:
 * the server named by {@code CALLCENTER_TEST_POSTGRES_URL}, or an embedded PostgreSQL started once per test run).
 * {@link #cleared()} empties every table so that each test starts from nothing.
 */
final class TestDatabase implements AutoCloseable {

  private final String url;
  private final JdbcStores stores;
  private final Runnable dropSchema;

  private TestDatabase(String url, Runnable dropSchema) {
    this.url = url;
    this.stores = JdbcStores.open(url);
    this.dropSchema = dropSchema;
  }

  static TestDatabase h2() {
    return new TestDatabase("jdbc:h2:mem:" + uniqueName(), () -> {});
  }

  /** A schema of its own on PostgreSQL, dropped by {@link #close()}. */
  static TestDatabase postgres() {
    String baseUrl = postgresUrl();
    String schema = uniqueName();
    execute(baseUrl, "CREATE SCHEMA " + schema);
    String url = baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    try {
      return new TestDatabase(url, () -> execute(baseUrl, "DROP SCHEMA " + schema + " CASCADE"));
    } catch (RuntimeException e) {
      execute(baseUrl, "DROP SCHEMA " + schema + " CASCADE");
      throw e;
    }
  }

  /** The URL of the PostgreSQL server tests use: CI's, or an embedded one. */
  static String postgresUrl() {
    return TestPostgres.url();
  }

  /** The JDBC URL, to open a second pool on the same database (another "node"). */
  String url() {
    return url;
  }

  JdbcStores stores() {
    return stores;
  }

  /** The stores, after deleting every row and resetting the event sequence. */
  JdbcStores cleared() {
    try (Connection connection = stores.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      for (String table : List.of("cc_customer_phones", "cc_customers", "cc_tickets", "cc_transcripts",
          "cc_extensions", "cc_users")) {
        statement.executeUpdate("DELETE FROM " + table);
      }
      statement.executeUpdate("DELETE FROM cc_agent_skills");
      statement.executeUpdate("DELETE FROM cc_agents");
      statement.executeUpdate("DELETE FROM cc_calls");
      statement.executeUpdate("DELETE FROM cc_call_records");
      statement.executeUpdate("DELETE FROM cc_events");
      statement.executeUpdate("UPDATE cc_event_sequence SET last_sequence = 0");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot clear the test database", e);
    }
    return stores;
  }

  @Override
  public void close() {
    try {
      stores.close();
    } finally {
      dropSchema.run();
    }
  }

  static String uniqueName() {
    return "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
  }

  private static void execute(String url, String sql) {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot run '" + sql + "' on the test PostgreSQL server", e);
    }
  }
}
