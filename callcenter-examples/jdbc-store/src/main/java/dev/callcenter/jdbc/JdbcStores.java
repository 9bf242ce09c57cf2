package dev.callcenter.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.internal.Checks;
import dev.callcenter.core.store.AgentStore;
import dev.callcenter.core.store.CallRecordStore;
import dev.callcenter.core.store.CallStore;
import dev.callcenter.core.store.EventLogStore;
import dev.callcenter.crm.CustomerStore;
import dev.callcenter.crm.TicketStore;
import dev.callcenter.crm.TranscriptStore;
import dev.callcenter.sip.extension.ExtensionStore;
import dev.callcenter.sip.extension.UserStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jspecify.annotations.Nullable;

/**
 * Every storage SPI of the call-center SDK on one JDBC database, H2 or PostgreSQL: calls, agents, call history and
 * the event log of the core; customers, tickets and transcripts of the CRM contract; SIP extensions and users. Opening migrates the schema
 * (Flyway, history table {@code cc_schema_history}); several nodes may share one database, since every write is
 * compare-and-set and the event log's sequence is taken under a row lock.
 *
 * <pre>{@code
 * try (JdbcStores db = JdbcStores.open("jdbc:h2:file:./data/callcenter")) {
 *   CallCenter center = CallCenter.builder().callStore(db.calls()).agentStore(db.agents())
 *       .callRecordStore(db.callRecords()).eventLog(db.eventLog()).build();
 * }
 * }</pre>
 *
 * <p>Times are kept to the microsecond: a record's instants come back from a write truncated to microseconds,
 * exactly as a later read returns them. Structured fields (customer info, collected data, tags, skills, event
 * data) are JSON text; the fields lists filter on are indexed columns.
 */
public final class JdbcStores implements AutoCloseable {
  /** Connections in the pool that {@link #open(String, String, String)} creates. */
  public static final int DEFAULT_POOL_SIZE = 10;

  private static final String MIGRATIONS = "classpath:db/callcenter";

  private final DataSource dataSource;
  private final @Nullable HikariDataSource ownPool;
  private final @Nullable Connection keepAlive;
  private final CallStore calls;
  private final AgentStore agents;
  private final CallRecordStore callRecords;
  private final EventLogStore eventLog;
  private final CustomerStore customers;
  private final TicketStore tickets;
  private final TranscriptStore transcripts;
  private final ExtensionStore extensions;
  private final UserStore users;

  private JdbcStores(DataSource dataSource, @Nullable HikariDataSource ownPool, @Nullable Connection keepAlive) {
    this.dataSource = dataSource;
    this.ownPool = ownPool;
    this.keepAlive = keepAlive;
    Database database = new Database(dataSource);
    this.calls = new JdbcCallStore(database);
    this.agents = new JdbcAgentStore(database);
    this.callRecords = new JdbcCallRecordStore(database);
    this.eventLog = new JdbcEventLogStore(database);
    this.customers = new JdbcCustomerStore(database);
    this.tickets = new JdbcTicketStore(database);
    this.transcripts = new JdbcTranscriptStore(database);
    this.extensions = new JdbcExtensionStore(database);
    this.users = new JdbcUserStore(database);
  }

  /**
   * Opens the database at {@code jdbcUrl} ({@code jdbc:h2:...} or {@code jdbc:postgresql://...}) with a pool of
   * {@link #DEFAULT_POOL_SIZE} connections, and migrates its schema.
   */
  public static JdbcStores open(String jdbcUrl) {
    return open(jdbcUrl, null, null);
  }

  /** Like {@link #open(String)}, logging in as {@code user}; the password is handed to the driver only. */
  public static JdbcStores open(String jdbcUrl, @Nullable String user, @Nullable String password) {
    Checks.notBlank(jdbcUrl, "jdbcUrl");
    if (!jdbcUrl.startsWith("jdbc:")) {
      throw InvalidInputException.of("jdbcUrl", "must start with 'jdbc:', such as "
          + "jdbc:h2:file:./data/callcenter or jdbc:postgresql://localhost:5432/callcenter");
    }
    if (jdbcUrl.startsWith("jdbc:h2:mem:;") || jdbcUrl.equals("jdbc:h2:mem:")) {
      throw InvalidInputException.of("jdbcUrl", "must name the in-memory H2 database (each "
          + "connection to an unnamed one sees a database of its own), such as jdbc:h2:mem:callcenter");
    }
    boolean h2 = jdbcUrl.startsWith("jdbc:h2:");
    boolean h2InMemory = h2 && jdbcUrl.startsWith("jdbc:h2:mem:")
        && !jdbcUrl.toUpperCase(Locale.ROOT).contains("DB_CLOSE_DELAY");
    // an in-memory H2 database lives while a connection to it is open: one is held until close()
    Connection keepAlive = null;
    if (h2InMemory) {
      try {
        keepAlive = DriverManager.getConnection(jdbcUrl, user, password);
      } catch (SQLException e) {
        throw JdbcStoreException.of("open the database", e);
      }
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(h2Url(jdbcUrl));
    if (user != null) {
      config.setUsername(user);
    }
    if (password != null) {
      config.setPassword(password);
    }
    config.setPoolName("callcenter-jdbc");
    config.setMaximumPoolSize(DEFAULT_POOL_SIZE);
    if (h2) {
      // appenders of the event log wait for each other's row lock; H2's default wait is one second
      config.setConnectionInitSql("SET LOCK_TIMEOUT 10000");
    }
    HikariDataSource pool = null;
    try {
      pool = new HikariDataSource(config);
      migrate(pool);
      return new JdbcStores(pool, pool, keepAlive);
    } catch (RuntimeException e) {
      if (pool != null) {
        pool.close();
      }
      closeQuietly(keepAlive, e);
      throw e instanceof JdbcStoreException ? e : JdbcStoreException.of("open the database", e);
    }
  }

  /**
   * The URL with the H2 setting the stores rely on, unless the URL sets it itself: a file database writes each
   * commit before acknowledging it ({@code WRITE_DELAY=0}), so that even a killed process loses nothing
   * acknowledged.
   */
  private static String h2Url(String jdbcUrl) {
    String upper = jdbcUrl.toUpperCase(Locale.ROOT);
    if (upper.startsWith("JDBC:H2:") && !upper.startsWith("JDBC:H2:MEM:") && !upper.startsWith("JDBC:H2:TCP:")
        && !upper.startsWith("JDBC:H2:SSL:") && !upper.contains("WRITE_DELAY")) {
      return jdbcUrl + ";WRITE_DELAY=0";
    }
    return jdbcUrl;
  }

  private static void closeQuietly(@Nullable Connection connection, Throwable failure) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        failure.addSuppressed(e);
      }
    }
  }

  /**
   * Uses a data source the caller manages (and closes): migrates its schema and returns the stores on it.
   * {@link #close()} leaves the data source open.
   */
  public static JdbcStores open(DataSource dataSource) {
    Checks.notNull(dataSource, "dataSource");
    migrate(dataSource);
    return new JdbcStores(dataSource, null, null);
  }

  private static void migrate(DataSource dataSource) {
    String product;
    try (Connection connection = dataSource.getConnection()) {
      product = connection.getMetaData().getDatabaseProductName();
    } catch (SQLException e) {
      throw JdbcStoreException.of("connect to the database", e);
    }
    boolean postgres = product.toLowerCase(Locale.ROOT).contains("postgres");
    try {
      Flyway.configure(JdbcStores.class.getClassLoader())
          .dataSource(dataSource)
          .locations(MIGRATIONS)
          .table("cc_schema_history")
          // a schema that already holds the application's own tables gets ours added: baseline below V1
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .failOnMissingLocations(true)
          .placeholders(Map.of("id_collation", postgres ? "COLLATE \"C\"" : ""))
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw JdbcStoreException.of("migrate the call-center schema on " + product, e);
    }
  }

  public CallStore calls() {
    return calls;
  }

  public AgentStore agents() {
    return agents;
  }

  public CallRecordStore callRecords() {
    return callRecords;
  }

  public EventLogStore eventLog() {
    return eventLog;
  }

  /** Customers of the CRM contract, with the lookup by caller id. */
  public CustomerStore customers() {
    return customers;
  }

  public TicketStore tickets() {
    return tickets;
  }

  public TranscriptStore transcripts() {
    return transcripts;
  }

  /** SIP extensions with their digest credentials (HA1 only, never a password). */
  public ExtensionStore extensions() {
    return extensions;
  }

  /** Users of the call center, to whom extensions are assigned. */
  public UserStore users() {
    return users;
  }

  /** The data source the stores use, for the application's own tables and health checks. */
  public DataSource dataSource() {
    return dataSource;
  }

  /**
   * Closes the pool this instance opened (not a data source passed to {@link #open(DataSource)}); an in-memory H2
   * database opened by URL goes away with it.
   */
  @Override
  public void close() {
    if (ownPool == null || ownPool.isClosed()) {
      return;
    }
    ownPool.close();
    if (keepAlive != null) {
      try {
        keepAlive.close();
      } catch (SQLException e) {
        throw JdbcStoreException.of("close the in-memory database", e);
      }
    }
  }
}
