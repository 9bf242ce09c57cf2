package dev.callcenter.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.core.Call;
import dev.callcenter.core.CallId;
import dev.callcenter.core.CallMetadata;
import dev.callcenter.core.CustomerInfo;
import dev.callcenter.core.Department;
import dev.callcenter.core.NotFoundException;
import dev.callcenter.core.AlreadyExistsException;
import dev.callcenter.core.VersionConflictException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class CallStoreRaceTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T09:00:00Z"), ZoneOffset.UTC);
  private final CallStore store = CallStore.inMemory();

  private Call newCall(String id) {
    return Call.initiate(CallId.of(id), CustomerInfo.UNKNOWN, CallMetadata.NONE, CLOCK);
  }

  @RepeatedTest(20)
  void twoThreadsRacingOnOneSnapshotExactlyOneWins() throws Exception {
    Call stored = store.insert(newCall("race"));
    Call toSales = stored.withDepartment(Department.SALES, CLOCK.instant());
    Call toComplaints = stored.withDepartment(Department.COMPLAINTS, CLOCK.instant());
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Call>> results = new ArrayList<>();
      for (Call attempt : List.of(toSales, toComplaints)) {
        Callable<Call> write = () -> {
          start.await();
          return store.update(attempt);
        };
        results.add(pool.submit(write));
      }
      start.countDown();

      List<Call> winners = new ArrayList<>();
      List<Throwable> losers = new ArrayList<>();
      for (Future<Call> result : results) {
        try {
          winners.add(result.get(10, TimeUnit.SECONDS));
        } catch (java.util.concurrent.ExecutionException e) {
          losers.add(e.getCause());
        }
      }

      assertThat(winners).hasSize(1);
      assertThat(losers).singleElement().isInstanceOfSatisfying(VersionConflictException.class, e -> {
        assertThat(e.id()).isEqualTo("race");
        assertThat(e.expectedVersion()).isEqualTo(1);
        assertThat(e.getMessage()).contains("expected version 1", "stored version is 2");
      });
      Call winner = winners.get(0);
      assertThat(winner.version()).isEqualTo(2);
      assertThat(store.get(CallId.of("race"))).isEqualTo(winner);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void manyWritersEachRetryingFromAFreshSnapshotLoseNoUpdate() throws Exception {
    store.insert(newCall("counter"));
    int threads = 4;
    int perThread = 200;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < perThread; i++) {
            while (true) {
              Call current = store.get(CallId.of("counter"));
              try {
                store.update(current.withTags(java.util.Set.of("t" + thread + "-" + i), CLOCK.instant()));
                break;
              } catch (VersionConflictException e) {
                // lost the race: read again and retry
              }
            }
          }
        }));
      }
      for (Future<?> f : done) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    Call last = store.get(CallId.of("counter"));
    assertThat(last.tags()).hasSize(threads * perThread);
    assertThat(last.version()).isEqualTo(1L + threads * perThread);
  }

  @Test
  void staleWriteFailsAndChangesNothing() {
    Call v1 = store.insert(newCall("stale"));
    Call v2 = store.update(v1.withDepartment(Department.SALES, CLOCK.instant()));

    assertThatThrownBy(() -> store.update(v1.withDepartment(Department.COMPLAINTS, CLOCK.instant())))
        .isInstanceOf(VersionConflictException.class);
    assertThatThrownBy(() -> store.delete(v1)).isInstanceOf(VersionConflictException.class);
    assertThat(store.get(CallId.of("stale"))).isEqualTo(v2);
  }

  @Test
  void insertTwiceIsRefusedAndUnknownRecordsAreNotFound() {
    Call v1 = store.insert(newCall("dup"));
    assertThat(v1.version()).isEqualTo(1);
    assertThatThrownBy(() -> store.insert(newCall("dup"))).isInstanceOf(AlreadyExistsException.class)
        .hasMessage("call dup already exists");
    assertThatThrownBy(() -> store.update(newCall("ghost").withVersion(1))).isInstanceOf(NotFoundException.class);
    store.delete(v1);
    assertThat(store.find(CallId.of("dup"))).isEmpty();
  }

  @Test
  void listFiltersAndPagesInCreationOrder() {
    for (int i = 0; i < 7; i++) {
      Clock at = Clock.fixed(CLOCK.instant().plusSeconds(i), ZoneOffset.UTC);
      Call call = Call.initiate(CallId.of("c" + i), CustomerInfo.UNKNOWN, CallMetadata.NONE, at);
      if (i % 2 == 0) {
        call = call.withDepartment(Department.SALES, at.instant());
      }
      store.insert(call);
    }
    CallQuery sales = CallQuery.ALL.inDepartment(Department.SALES);

    Page<Call> first = store.list(sales, PageRequest.first(3));
    Page<Call> second = store.list(sales, PageRequest.first(3).next());

    assertThat(first.items()).extracting(c -> c.id().value()).containsExactly("c0", "c2", "c4");
    assertThat(first.total()).isEqualTo(4);
    assertThat(first.hasNext()).isTrue();
    assertThat(second.items()).extracting(c -> c.id().value()).containsExactly("c6");
    assertThat(second.hasNext()).isFalse();
  }
}
