package dev.callcenter.server;

import dev.callcenter.jdbc.testdb.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The API suite on PostgreSQL, in a schema of its own: the server named by {@code CALLCENTER_TEST_POSTGRES_URL}
 * (CI sets it to the local server), else an embedded PostgreSQL: jdbc-store's {@link TestPostgres}, from its
 * test jar.
 */
class ServerApiOnPostgresTest extends ServerApiSuite {
  private String baseUrl;
  private String schema;

  @Override
  String dbUrl(Path dataDir) {
    baseUrl = TestPostgres.url();
    schema = "srv_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    execute(baseUrl, "CREATE SCHEMA " + schema);
    return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  @Override
  void dropDatabase() {
    if (schema != null) {
      execute(baseUrl, "DROP SCHEMA " + schema + " CASCADE");
    }
  }

  static void execute(String url, String sql) {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot run '" + sql + "'", e);
    }
  }
}
