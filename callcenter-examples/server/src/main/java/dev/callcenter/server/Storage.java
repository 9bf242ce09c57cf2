package dev.callcenter.server;

import dev.callcenter.core.store.AgentStore;
import dev.callcenter.core.store.CallRecordStore;
import dev.callcenter.core.store.CallStore;
import dev.callcenter.core.store.EventLogStore;
import dev.callcenter.crm.CustomerStore;
import dev.callcenter.crm.TicketStore;
import dev.callcenter.crm.TranscriptStore;
import dev.callcenter.sip.extension.ExtensionStore;
import dev.callcenter.jdbc.JdbcStores;
import dev.callcenter.sip.extension.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stores the server runs on, opened from the database URL. This is the one place that chooses the storage
 * adapter.
 *
 * @param persistent whether what is stored survives a restart
 * @param description for the health check and the log, without credentials
 */
record Storage(CallStore calls, AgentStore agents, CallRecordStore callRecords, EventLogStore eventLog,
    CustomerStore customers, TicketStore tickets, TranscriptStore transcripts, ExtensionStore extensions,
    UserStore users, boolean persistent, String description, Runnable resources) implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Storage.class);

  /**
   * Opens {@code dbUrl}: {@link ServerSettings#IN_MEMORY} keeps everything in memory; a JDBC URL (H2 or
   * PostgreSQL) holds everything: calls, agents, the call history, the event log, customers, tickets, transcripts,
   * extensions and users.
   */
  static Storage open(String dbUrl) {
    if (ServerSettings.IN_MEMORY.equals(dbUrl)) {
      return new Storage(CallStore.inMemory(), AgentStore.inMemory(), CallRecordStore.inMemory(),
          EventLogStore.inMemory(), CustomerStore.inMemory(), TicketStore.inMemory(), TranscriptStore.inMemory(),
          ExtensionStore.inMemory(), UserStore.inMemory(), false, "memory", () -> {});
    }
    JdbcStores db = JdbcStores.open(dbUrl);
    String kind = dbUrl.startsWith("jdbc:h2:") ? "h2" : dbUrl.startsWith("jdbc:postgresql:") ? "postgresql" : "jdbc";
    LOG.info("storage: {} ({})", kind, redact(dbUrl));
    return new Storage(db.calls(), db.agents(), db.callRecords(), db.eventLog(), db.customers(), db.tickets(),
        db.transcripts(), db.extensions(), db.users(), true, kind, db::close);
  }

  @Override
  public void close() {
    resources.run();
  }

  /** The URL without user info and without parameters that may carry secrets. */
  static String redact(String url) {
    String withoutParams = url.replaceAll("(?i)(password|pwd|user|secret)=[^;&]*", "$1=***");
    return withoutParams.replaceAll("//[^/@]*@", "//***@");
  }
}
