package dev.callcenter.server;

import dev.callcenter.core.store.AgentStore;
import dev.callcenter.core.store.CallRecordStore;
import dev.callcenter.core.store.CallStore;
import dev.callcenter.core.store.EventLogStore;
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
    boolean persistent, String description, Runnable resources) implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Storage.class);

  static Storage open(String dbUrl) {
    if (!ServerSettings.IN_MEMORY.equals(dbUrl)) {
      // The JDBC adapter (callcenter-jdbc-store, JdbcStores.open(dbUrl)) plugs in here once it is in the build.
      LOG.warn("no JDBC store in this build: {} is not used, everything is kept in memory", redact(dbUrl));
    }
    return new Storage(CallStore.inMemory(), AgentStore.inMemory(), CallRecordStore.inMemory(),
        EventLogStore.inMemory(), false, "memory", () -> {});
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
