package dev.callcenter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.core.Agent;
import dev.callcenter.core.AgentId;
import dev.callcenter.core.AgentStatus;
import dev.callcenter.core.Call;
import dev.callcenter.core.CallCenter;
import dev.callcenter.core.CallDirection;
import dev.callcenter.core.CallOutcome;
import dev.callcenter.core.CallRecord;
import dev.callcenter.core.CallRecordId;
import dev.callcenter.core.CallStatus;
import dev.callcenter.core.Department;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.NewAgent;
import dev.callcenter.core.NewCall;
import dev.callcenter.core.Priority;
import dev.callcenter.core.event.Event;
import dev.callcenter.core.event.EventType;
import dev.callcenter.core.event.NewEvent;
import dev.callcenter.core.store.CallQuery;
import dev.callcenter.core.store.PageRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcStoresTest {
  private static final Instant NOW = Instant.parse("2026-03-04T10:00:00.123456789Z");

  @TempDir
  Path dataDir;

  private String h2FileUrl() {
    return "jdbc:h2:file:" + dataDir.resolve("callcenter").toAbsolutePath();
  }

  @Test
  void everythingAcknowledgedSurvivesClosingAndReopeningAnH2FileDatabase() {
    Call call;
    Agent agent;
    CallRecord record;
    Event event;
    try (JdbcStores db = JdbcStores.open(h2FileUrl())) {
      CallCenter center = CallCenter.builder().callStore(db.calls()).agentStore(db.agents())
          .callRecordStore(db.callRecords()).eventLog(db.eventLog())
          .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
      call = center.createCall(new NewCall("ليلى", "+966501234567", null, "web", "ar", null, null));
      call = center.route(call.id(), Department.COMPLAINTS, Priority.HIGH);
      agent = center.addAgent(NewAgent.of("Sara", Department.COMPLAINTS, Map.of("arabic", 5)));
      record = db.callRecords().insert(new CallRecord(CallRecordId.of("rec-1"), call.id(), CallDirection.INBOUND,
          "+966501234567", "1001", "sara", CallOutcome.ANSWERED, NOW, Duration.ofSeconds(4),
          Duration.ofSeconds(200), 0));
      event = db.eventLog().append(NewEvent.of(EventType.MESSAGE_NEW, NOW, call.id().value(), Map.of("text", "مرحبا")));
    }

    try (JdbcStores reopened = JdbcStores.open(h2FileUrl())) {
      assertThat(reopened.calls().get(call.id())).isEqualTo(call);
      assertThat(reopened.calls().get(call.id()).customer().name()).isEqualTo("ليلى");
      assertThat(reopened.agents().get(agent.id())).isEqualTo(agent);
      assertThat(reopened.callRecords().get(record.id())).isEqualTo(record);
      assertThat(reopened.eventLog().lastSequence()).isEqualTo(event.sequence());
      assertThat(reopened.eventLog().readAfter(0, 100)).contains(event);
      Event next = reopened.eventLog().append(NewEvent.of(EventType.CALL_ENDED, NOW, call.id().value(), Map.of()));
      assertThat(next.sequence()).isEqualTo(event.sequence() + 1);
    }
  }

  @Test
  void timesAreKeptToTheMicrosecondAndAWriteReturnsWhatAReadReturns() {
    try (TestDatabase database = TestDatabase.h2()) {
      JdbcStores db = database.stores();
      Agent stored = db.agents().insert(Agent.create(AgentId.of("a-1"), "Sara", Department.SALES, Map.of(), NOW));

      assertThat(stored.statusSince()).isEqualTo(Instant.parse("2026-03-04T10:00:00.123456Z"));
      assertThat(db.agents().get(stored.id())).isEqualTo(stored);
    }
  }

  @Test
  void twoNodesOnOnePostgresDatabaseShareOneGapFreeEventLogAndCompareAndSet() throws Exception {
    try (TestDatabase database = TestDatabase.postgres(); JdbcStores secondNode = JdbcStores.open(database.url())) {
      twoNodesShareTheDatabase(database.stores(), secondNode);
    }
  }

  @Test
  void twoNodesOnOneH2FileDatabaseShareOneGapFreeEventLogAndCompareAndSet() throws Exception {
    try (JdbcStores first = JdbcStores.open(h2FileUrl()); JdbcStores second = JdbcStores.open(h2FileUrl())) {
      twoNodesShareTheDatabase(first, second);
    }
  }

  private static void twoNodesShareTheDatabase(JdbcStores first, JdbcStores second) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Long>>> appends = new ArrayList<>();
      for (JdbcStores node : List.of(first, second, first, second)) {
        appends.add(threads.submit(() -> {
          List<Long> sequences = new ArrayList<>();
          for (int i = 0; i < 25; i++) {
            sequences.add(node.eventLog().append(NewEvent.of(EventType.CALL_UPDATED, NOW, "c", Map.of("i", i)))
                .sequence());
          }
          return sequences;
        }));
      }
      List<Long> all = new ArrayList<>();
      for (Future<List<Long>> f : appends) {
        all.addAll(f.get(60, TimeUnit.SECONDS));
      }
      assertThat(all).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 100).boxed().toList());
      assertThat(second.eventLog().readAfter(0, 1000)).extracting(Event::sequence)
          .containsExactlyElementsOf(LongStream.rangeClosed(1, 100).boxed().toList());
    } finally {
      threads.shutdownNow();
    }

    Call call = first.calls().insert(Call.initiate(dev.callcenter.core.CallId.of("shared-1"),
        dev.callcenter.core.CustomerInfo.UNKNOWN, dev.callcenter.core.CallMetadata.NONE,
        Clock.fixed(NOW, ZoneOffset.UTC)));
    Call seenBySecond = second.calls().get(call.id());
    first.calls().update(call.moveTo(CallStatus.IN_QUEUE, NOW));
    assertThatThrownBy(() -> second.calls().update(seenBySecond.moveTo(CallStatus.ABANDONED, NOW)))
        .isInstanceOf(dev.callcenter.core.VersionConflictException.class);
    assertThat(second.calls().get(call.id()).status()).isEqualTo(CallStatus.IN_QUEUE);
  }

  @Test
  void runsOnH2InPostgreSqlCompatibilityMode() {
    try (JdbcStores db = JdbcStores.open("jdbc:h2:mem:" + TestDatabase.uniqueName() + ";MODE=PostgreSQL")) {
      Agent agent = db.agents().insert(Agent.create(AgentId.of("pg-mode"), "Omar", Department.SALES,
          Map.of("arabic", 4), NOW));
      db.agents().update(agent.withStatus(AgentStatus.AVAILABLE, NOW));

      assertThat(db.agents().list(dev.callcenter.core.store.AgentQuery.ALL.withSkill("arabic"),
          PageRequest.first(10)).items()).extracting(Agent::status).containsExactly(AgentStatus.AVAILABLE);
      assertThat(db.eventLog().append(NewEvent.of(EventType.CALL_NEW, NOW, "x", Map.of())).sequence()).isEqualTo(1);
      assertThat(db.calls().list(CallQuery.ALL, PageRequest.first(5)).total()).isZero();
    }
  }

  @Test
  void aFailedAppendLeavesNoGapInTheEventLogOnH2() throws Exception {
    try (TestDatabase database = TestDatabase.h2()) {
      aFailedAppendLeavesNoGap(database.stores());
    }
  }

  @Test
  void aFailedAppendLeavesNoGapInTheEventLogOnPostgres() throws Exception {
    try (TestDatabase database = TestDatabase.postgres()) {
      aFailedAppendLeavesNoGap(database.stores());
    }
  }

  private static void aFailedAppendLeavesNoGap(JdbcStores db) throws Exception {
    try (Connection connection = db.dataSource().getConnection();
        java.sql.Statement statement = connection.createStatement()) {
      // makes the insert of one event fail after the sequence counter was incremented in its transaction
      statement.execute("ALTER TABLE cc_events ADD CONSTRAINT test_refuses_boom CHECK (subject <> 'boom')");
    }
    db.eventLog().append(NewEvent.of(EventType.CALL_NEW, NOW, "c-1", Map.of()));

    assertThatThrownBy(() -> db.eventLog().append(NewEvent.of(EventType.CALL_UPDATED, NOW, "boom", Map.of())))
        .isInstanceOf(JdbcStoreException.class);
    Event next = db.eventLog().append(NewEvent.of(EventType.CALL_ENDED, NOW, "c-1", Map.of()));

    assertThat(next.sequence()).isEqualTo(2);
    assertThat(db.eventLog().lastSequence()).isEqualTo(2);
    assertThat(db.eventLog().readAfter(0, 10)).extracting(Event::sequence).containsExactly(1L, 2L);
  }

  @Test
  void anInMemoryH2DatabaseLivesUntilCloseAndGoesAwayWithIt() throws Exception {
    String url = "jdbc:h2:mem:" + TestDatabase.uniqueName();
    try (JdbcStores db = JdbcStores.open(url)) {
      db.eventLog().append(NewEvent.of(EventType.CALL_NEW, NOW, "x", Map.of()));
      assertThat(db.eventLog().lastSequence()).isEqualTo(1);
    }

    try (JdbcStores again = JdbcStores.open(url)) {
      assertThat(again.eventLog().lastSequence()).isZero();
    }
  }

  @Test
  void opensADatabaseThatAlreadyHoldsOtherTablesAndLeavesThemAlone() throws Exception {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:" + TestDatabase.uniqueName() + ";DB_CLOSE_DELAY=-1");
    try (Connection connection = dataSource.getConnection();
        java.sql.Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE app_settings (name VARCHAR(50) PRIMARY KEY, v VARCHAR(50))");
      statement.execute("INSERT INTO app_settings VALUES ('theme', 'dark')");
    }

    try (JdbcStores db = JdbcStores.open(dataSource); Connection connection = dataSource.getConnection();
        java.sql.Statement statement = connection.createStatement()) {
      assertThat(db.eventLog().append(NewEvent.of(EventType.CALL_NEW, NOW, "x", Map.of())).sequence()).isEqualTo(1);
      try (java.sql.ResultSet row = statement.executeQuery("SELECT v FROM app_settings WHERE name = 'theme'")) {
        assertThat(row.next()).isTrue();
        assertThat(row.getString(1)).isEqualTo("dark");
      }
      statement.execute("SHUTDOWN");
    }
  }

  @Test
  void openingADataSourceMigratesItAndCloseLeavesItOpen() throws Exception {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:" + TestDatabase.uniqueName() + ";DB_CLOSE_DELAY=-1");
    try (JdbcStores db = JdbcStores.open(dataSource)) {
      db.eventLog().append(NewEvent.of(EventType.CALL_NEW, NOW, "x", Map.of()));
    }

    try (JdbcStores again = JdbcStores.open(dataSource); Connection connection = dataSource.getConnection()) {
      assertThat(connection.isValid(1)).isTrue();
      assertThat(again.eventLog().lastSequence()).isEqualTo(1);
      connection.createStatement().execute("SHUTDOWN");
    }
  }

  @Test
  void aUrlThatIsNotJdbcIsRefusedNamingTheField() {
    assertThatThrownBy(() -> JdbcStores.open("postgres://localhost/test"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("jdbcUrl");
    assertThatThrownBy(() -> JdbcStores.open("jdbc:h2:mem:"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("jdbcUrl");
    assertThatThrownBy(() -> JdbcStores.open(" "))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("jdbcUrl");
  }

  @Test
  void aDatabaseThatCannotBeReachedFailsWithAStoreExceptionThatHidesThePassword() {
    assertThatThrownBy(() -> JdbcStores.open("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1", "someone",
        "s3cret-pass"))
        .isInstanceOf(JdbcStoreException.class)
        .hasMessageContaining("cannot open the database")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret-pass"));
  }
}
