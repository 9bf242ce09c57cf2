package dev.callcenter.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.core.CallDirection;
import dev.callcenter.core.CallId;
import dev.callcenter.core.CallOutcome;
import dev.callcenter.core.CallRecord;
import dev.callcenter.core.CallRecordId;
import dev.callcenter.core.store.CallRecordQuery;
import dev.callcenter.core.store.CallRecordStore;
import dev.callcenter.core.store.Page;
import dev.callcenter.core.store.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Compatibility kit for {@link CallRecordStore}: extend it and implement {@link #newStore()}. */
public abstract class CallRecordStoreCompatibilityKit
    extends RecordStoreCompatibilityKit<CallRecordId, CallRecord, CallRecordStore> {
  /** A fixed instant the kit's call records start around. */
  protected static final Instant T0 = Instant.parse("2026-03-02T12:00:00.500Z");

  @Override
  protected CallRecord newRecord(int n) {
    return record("rec-" + n, CallDirection.INBOUND, "+9665012345" + String.format("%02d", n % 100), "100",
        "user-1", CallOutcome.ANSWERED, T0.plusSeconds(n));
  }

  @Override
  protected CallRecord changed(CallRecord r) {
    return new CallRecord(r.id(), r.callId(), r.direction(), r.remoteNumber(), r.extension(), r.userId(),
        CallOutcome.ANSWERED, r.startedAt(), r.ringDuration().plusSeconds(1), r.talkDuration().plusSeconds(60),
        r.version());
  }

  @Override
  protected CallRecordId keyOf(CallRecord record) {
    return record.id();
  }

  protected static CallRecord record(String id, CallDirection direction, String number, @Nullable String extension,
      @Nullable String userId, CallOutcome outcome, Instant startedAt) {
    Duration talk = outcome == CallOutcome.ANSWERED ? Duration.ofSeconds(125) : Duration.ZERO;
    return new CallRecord(CallRecordId.of(id), null, direction, number, extension, userId, outcome, startedAt,
        Duration.ofSeconds(7), talk, 0);
  }

  @Test
  void everyFieldRoundTrips() {
    CallRecord full = new CallRecord(CallRecordId.of("full"), CallId.of("call-9"), CallDirection.OUTBOUND,
        "+971501234567", "2001", "user-42", CallOutcome.ANSWERED, T0, Duration.ofMillis(3250),
        Duration.ofMinutes(12).plusMillis(7), 0);
    CallRecord sparse = new CallRecord(CallRecordId.of("sparse"), null, CallDirection.INTERNAL, "105", null, null,
        CallOutcome.MISSED, T0, Duration.ZERO, Duration.ZERO, 0);

    store.insert(full);
    store.insert(sparse);

    assertThat(store.get(full.id())).isEqualTo(full.withVersion(1));
    assertThat(store.get(sparse.id())).isEqualTo(sparse.withVersion(1));
  }

  @Test
  void arabicTextRoundTrips() {
    CallRecord arabic = record("ar", CallDirection.INBOUND, "مجهول", "١٠١", "مستخدم-١", CallOutcome.BUSY, T0);

    store.insert(arabic);

    assertThat(store.get(arabic.id())).isEqualTo(arabic.withVersion(1));
    assertThat(ids(CallRecordQuery.ALL.forExtensions(Set.of("١٠١")))).containsExactly("ar");
    assertThat(ids(CallRecordQuery.ALL.forUser("مستخدم-١"))).containsExactly("ar");
  }

  @Test
  void listIsOrderedNewestFirstThenById() {
    store.insert(record("b", CallDirection.INBOUND, "101", "1", null, CallOutcome.MISSED, T0));
    store.insert(record("old", CallDirection.INBOUND, "101", "1", null, CallOutcome.MISSED, T0.minusSeconds(60)));
    store.insert(record("new", CallDirection.INBOUND, "101", "1", null, CallOutcome.MISSED, T0.plusSeconds(60)));
    store.insert(record("a", CallDirection.INBOUND, "101", "1", null, CallOutcome.MISSED, T0));

    assertThat(ids(CallRecordQuery.ALL)).containsExactly("new", "a", "b", "old");
  }

  @Test
  void listPagesThroughEveryMatchWithTheTotal() {
    for (int i = 0; i < 9; i++) {
      store.insert(record("p" + i, CallDirection.INBOUND, "101", "1", null, CallOutcome.MISSED,
          T0.minusSeconds(i)));
    }

    List<String> seen = new ArrayList<>();
    PageRequest request = PageRequest.first(4);
    Page<CallRecord> page;
    do {
      page = store.list(CallRecordQuery.ALL, request);
      assertThat(page.total()).isEqualTo(9);
      page.items().forEach(r -> seen.add(r.id().value()));
      request = request.next();
    } while (page.hasNext());

    assertThat(seen).containsExactly("p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8");
    assertThat(store.list(CallRecordQuery.ALL, PageRequest.of(9, 4)).items()).isEmpty();
  }

  @Test
  void listFiltersByExtensions() {
    store.insert(record("e1", CallDirection.INBOUND, "101", "100", null, CallOutcome.MISSED, T0));
    store.insert(record("e2", CallDirection.INBOUND, "101", "200", null, CallOutcome.MISSED, T0.minusSeconds(1)));
    store.insert(record("e3", CallDirection.INBOUND, "101", "300", null, CallOutcome.MISSED, T0.minusSeconds(2)));
    store.insert(record("e4", CallDirection.INBOUND, "101", null, null, CallOutcome.MISSED, T0.minusSeconds(3)));

    assertThat(ids(CallRecordQuery.ALL.forExtensions(Set.of("100")))).containsExactly("e1");
    assertThat(ids(CallRecordQuery.ALL.forExtensions(Set.of("100", "300")))).containsExactly("e1", "e3");
    assertThat(ids(CallRecordQuery.ALL.forExtensions(Set.of("999")))).isEmpty();
    assertThat(ids(CallRecordQuery.ALL.forExtensions(Set.of()))).containsExactly("e1", "e2", "e3", "e4");
  }

  @Test
  void listFiltersByUser() {
    store.insert(record("u1", CallDirection.INBOUND, "101", "1", "alice", CallOutcome.MISSED, T0));
    store.insert(record("u2", CallDirection.INBOUND, "101", "1", "bob", CallOutcome.MISSED, T0.minusSeconds(1)));
    store.insert(record("u3", CallDirection.INBOUND, "101", "1", null, CallOutcome.MISSED, T0.minusSeconds(2)));

    assertThat(ids(CallRecordQuery.ALL.forUser("alice"))).containsExactly("u1");
    assertThat(ids(CallRecordQuery.ALL.forUser("carol"))).isEmpty();
  }

  @Test
  void listFiltersByDirectionAndOutcome() {
    store.insert(record("d1", CallDirection.INBOUND, "101", "1", null, CallOutcome.ANSWERED, T0));
    store.insert(record("d2", CallDirection.OUTBOUND, "101", "1", null, CallOutcome.BUSY, T0.minusSeconds(1)));
    store.insert(record("d3", CallDirection.INTERNAL, "101", "1", null, CallOutcome.ANSWERED, T0.minusSeconds(2)));
    store.insert(record("d4", CallDirection.INBOUND, "101", "1", null, CallOutcome.FAILED, T0.minusSeconds(3)));

    assertThat(ids(CallRecordQuery.ALL.withDirection(CallDirection.INBOUND))).containsExactly("d1", "d4");
    assertThat(ids(CallRecordQuery.ALL.withOutcome(CallOutcome.ANSWERED))).containsExactly("d1", "d3");
    assertThat(ids(CallRecordQuery.ALL.withDirection(CallDirection.INBOUND).withOutcome(CallOutcome.FAILED)))
        .containsExactly("d4");
    assertThat(ids(CallRecordQuery.ALL.withOutcome(CallOutcome.MISSED))).isEmpty();
  }

  @Test
  void listFiltersByStartTimeFromInclusiveToExclusive() {
    for (int i = 0; i < 5; i++) {
      store.insert(record("t" + i, CallDirection.INBOUND, "101", "1", null, CallOutcome.MISSED,
          T0.plusSeconds(60L * i)));
    }

    assertThat(ids(CallRecordQuery.ALL.between(T0.plusSeconds(60), T0.plusSeconds(180)))).containsExactly("t2", "t1");
    assertThat(ids(CallRecordQuery.ALL.between(T0.plusSeconds(180), null))).containsExactly("t4", "t3");
    assertThat(ids(CallRecordQuery.ALL.between(null, T0.plusSeconds(60)))).containsExactly("t0");
  }

  @Test
  void listCombinesEveryFilter() {
    store.insert(record("m1", CallDirection.INBOUND, "101", "100", "alice", CallOutcome.ANSWERED, T0));
    store.insert(record("m2", CallDirection.INBOUND, "101", "100", "alice", CallOutcome.ANSWERED,
        T0.minusSeconds(3600)));
    store.insert(record("m3", CallDirection.OUTBOUND, "101", "100", "alice", CallOutcome.ANSWERED, T0));
    store.insert(record("m4", CallDirection.INBOUND, "101", "200", "alice", CallOutcome.ANSWERED, T0));
    store.insert(record("m5", CallDirection.INBOUND, "101", "100", "bob", CallOutcome.ANSWERED, T0));
    store.insert(record("m6", CallDirection.INBOUND, "101", "100", "alice", CallOutcome.MISSED, T0));

    CallRecordQuery query = new CallRecordQuery(Set.of("100", "300"), "alice", CallDirection.INBOUND,
        CallOutcome.ANSWERED, T0.minusSeconds(60), T0.plusSeconds(60));

    assertThat(ids(query)).containsExactly("m1");
  }

  @Test
  void forEachStreamsEveryMatchInListOrder() {
    int count = 2_500;
    for (int i = 0; i < count; i++) {
      store.insert(record(String.format("s%05d", i), i % 2 == 0 ? CallDirection.INBOUND : CallDirection.OUTBOUND,
          "101", "1", null, CallOutcome.MISSED, T0.plusSeconds(i / 3)));
    }
    List<String> expected = new ArrayList<>();
    for (int offset = 0; offset < count; offset += PageRequest.MAX_LIMIT) {
      store.list(CallRecordQuery.ALL, PageRequest.of(offset, PageRequest.MAX_LIMIT)).items()
          .forEach(r -> expected.add(r.id().value()));
    }

    List<String> streamed = new ArrayList<>();
    store.forEach(CallRecordQuery.ALL, r -> streamed.add(r.id().value()));
    List<String> inbound = new ArrayList<>();
    store.forEach(CallRecordQuery.ALL.withDirection(CallDirection.INBOUND), r -> inbound.add(r.id().value()));

    assertThat(streamed).hasSize(count).containsExactlyElementsOf(expected);
    assertThat(inbound).hasSize(count / 2).containsExactlyElementsOf(
        expected.stream().filter(id -> Integer.parseInt(id.substring(1)) % 2 == 0).toList());
  }

  @Test
  void forEachOfNoMatchCallsNothing() {
    store.insert(record("x", CallDirection.INBOUND, "101", "1", null, CallOutcome.MISSED, T0));
    List<CallRecord> seen = new ArrayList<>();

    store.forEach(CallRecordQuery.ALL.forUser("nobody"), seen::add);

    assertThat(seen).isEmpty();
  }

  @Test
  void anExceptionFromTheSinkStopsTheStreamAndReachesTheCaller() {
    for (int i = 0; i < 10; i++) {
      store.insert(record("x" + i, CallDirection.INBOUND, "101", "1", null, CallOutcome.MISSED, T0.minusSeconds(i)));
    }
    List<String> seen = new ArrayList<>();

    assertThatThrownBy(() -> store.forEach(CallRecordQuery.ALL, r -> {
      seen.add(r.id().value());
      if (seen.size() == 3) {
        throw new IllegalStateException("sink full");
      }
    })).isInstanceOf(IllegalStateException.class).hasMessage("sink full");
    assertThat(seen).containsExactly("x0", "x1", "x2");
    assertThat(store.list(CallRecordQuery.ALL, PageRequest.first(20)).total()).isEqualTo(10);
  }

  private List<String> ids(CallRecordQuery query) {
    return store.list(query, PageRequest.first(PageRequest.MAX_LIMIT)).items().stream()
        .map(r -> r.id().value()).toList();
  }
}
