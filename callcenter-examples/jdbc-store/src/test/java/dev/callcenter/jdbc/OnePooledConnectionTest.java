package dev.callcenter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.callcenter.core.AlreadyExistsException;
import dev.callcenter.crm.Transcript;
import dev.callcenter.sip.extension.DigestCredential;
import dev.callcenter.sip.extension.Extension;
import dev.callcenter.sip.extension.ExtensionStatus;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A refused duplicate is explained through the connection whose write failed: with a pool of one connection, a
 * second borrow would time out instead of saying which key is taken.
 */
class OnePooledConnectionTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  /** The stores on a pool of one connection; the schema was migrated by {@link TestDatabase} (Flyway needs two). */
  private static void withOneConnection(String database, java.util.function.Consumer<Database> test) {
    Supplier<TestDatabase> open = "h2".equals(database) ? TestDatabase::h2 : TestDatabase::postgres;
    try (TestDatabase db = open.get()) {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(db.url());
      config.setMaximumPoolSize(1);
      config.setConnectionTimeout(250);
      try (HikariDataSource pool = new HikariDataSource(config)) {
        test.accept(new Database(pool));
      }
    }
  }

  private static Extension extension(String id, String extcode) {
    return new Extension(id, extcode, "Desk " + extcode, null, ExtensionStatus.UNREGISTERED,
        List.of(new DigestCredential("pbx", DigestCredential.MD5, "0".repeat(32))), T0, T0, 0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void aTakenExtensionCodeOrIdIsNamed(String database) {
    withOneConnection(database, db -> {
      JdbcExtensionStore extensions = new JdbcExtensionStore(db);
      Extension first = extensions.insert(extension("e-1", "1001"));
      assertThatThrownBy(() -> extensions.insert(extension("e-2", "1001")))
          .isInstanceOf(AlreadyExistsException.class).hasMessageContaining("extension code")
          .hasMessageContaining("1001");
      assertThatThrownBy(() -> extensions.insert(extension("e-1", "1002")))
          .isInstanceOf(AlreadyExistsException.class).hasMessageContaining("e-1");
      Extension second = extensions.insert(extension("e-3", "1003"));
      assertThatThrownBy(() -> extensions.update(new Extension(second.id(), "1001", second.displayName(),
          null, second.status(), second.credentials(), T0, T0, second.version())))
          .isInstanceOf(AlreadyExistsException.class).hasMessageContaining("1001");
      assertThat(extensions.get("e-1")).isEqualTo(first);
      assertThat(extensions.get("e-3")).isEqualTo(second);
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void aSecondTranscriptForACallIsNamed(String database) {
    withOneConnection(database, db -> {
      JdbcTranscriptStore transcripts = new JdbcTranscriptStore(db);
      transcripts.insert(new Transcript("t-1", "call-1", null, List.of(), T0, T0, 0));
      assertThatThrownBy(() -> transcripts.insert(new Transcript("t-2", "call-1", null, List.of(), T0, T0,
          0))).isInstanceOf(AlreadyExistsException.class).hasMessageContaining("call-1");
      assertThatThrownBy(() -> transcripts.insert(new Transcript("t-1", "call-2", null, List.of(), T0, T0,
          0))).isInstanceOf(AlreadyExistsException.class).hasMessageContaining("t-1");
    });
  }
}
