package dev.callcenter.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.core.AlreadyExistsException;
import dev.callcenter.core.CallCenterException;
import dev.callcenter.core.NotFoundException;
import dev.callcenter.core.VersionConflictException;
import dev.callcenter.core.store.RecordStore;
import dev.callcenter.core.store.Versioned;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link RecordStore} shares: insert at version 1, find and get, compare-and-set updates and
 * deletes, duplicate keys, missing records and a two-thread race. The kits for the concrete stores extend this
 * one; a kit for another versioned store (in another module) can extend it too.
 *
 * @param <K> the key type
 * @param <T> the record type
 * @param <S> the store type
 */
public abstract class RecordStoreCompatibilityKit<K, T extends Versioned<T>, S extends RecordStore<K, T>> {
  /** The store under test; a fresh one from {@link #newStore()} before each test. */
  protected S store;

  /** A new, empty store. Called before every test. */
  protected abstract S newStore();

  /** A record that was never stored (version 0), different for every {@code n}. */
  protected abstract T newRecord(int n);

  /** {@code record} with a visible change to its content (not its key or version). */
  protected abstract T changed(T record);

  /** The key of {@code record} as the store's find/get take it. */
  protected abstract K keyOf(T record);

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  @Test
  void insertReturnsTheRecordAtVersionOne() {
    T record = newRecord(1);

    T stored = store.insert(record);

    assertThat(stored.version()).isEqualTo(1);
    assertThat(stored).isEqualTo(record.withVersion(1));
  }

  @Test
  void findAndGetReturnWhatWasInserted() {
    T stored = store.insert(newRecord(1));
    store.insert(newRecord(2));

    assertThat(store.find(keyOf(stored))).contains(stored);
    assertThat(store.get(keyOf(stored))).isEqualTo(stored);
  }

  @Test
  void findOfAMissingKeyIsEmptyAndGetFailsWithNotFound() {
    T never = newRecord(9);

    assertThat(store.find(keyOf(never))).isEmpty();
    assertThatThrownBy(() -> store.get(keyOf(never)))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining(never.key());
  }

  @Test
  void insertOfATakenKeyFailsAndKeepsTheFirst() {
    T first = store.insert(newRecord(1));
    T second = changed(newRecord(1));

    assertThatThrownBy(() -> store.insert(second))
        .isInstanceOf(AlreadyExistsException.class)
        .hasMessageContaining(first.key());
    assertThat(store.get(keyOf(first))).isEqualTo(first);
  }

  @Test
  void insertOfARecordNotAtVersionZeroIsRefused() {
    T record = newRecord(1).withVersion(3);

    assertThatThrownBy(() -> store.insert(record)).isInstanceOf(CallCenterException.class);
    assertThat(store.find(keyOf(record))).isEmpty();
  }

  @Test
  void updateStoresTheChangeAtTheNextVersion() {
    T v1 = store.insert(newRecord(1));

    T v2 = store.update(changed(v1));
    T v3 = store.update(changed(v2));

    assertThat(v2.version()).isEqualTo(2);
    assertThat(v2).isEqualTo(changed(v1).withVersion(2));
    assertThat(v3.version()).isEqualTo(3);
    assertThat(store.get(keyOf(v1))).isEqualTo(v3);
  }

  @Test
  void staleUpdateFailsWithVersionConflictAndChangesNothing() {
    T v1 = store.insert(newRecord(1));
    T v2 = store.update(changed(v1));

    assertThatThrownBy(() -> store.update(changed(changed(v1))))
        .isInstanceOf(VersionConflictException.class)
        .hasMessageContaining(v1.key())
        .satisfies(e -> assertThat(((VersionConflictException) e).expectedVersion()).isEqualTo(1));
    assertThat(store.get(keyOf(v1))).isEqualTo(v2);
  }

  @Test
  void updateOfAMissingRecordFailsWithNotFound() {
    T never = newRecord(1).withVersion(1);

    assertThatThrownBy(() -> store.update(never)).isInstanceOf(NotFoundException.class);
    assertThat(store.find(keyOf(never))).isEmpty();
  }

  @Test
  void deleteRemovesTheRecord() {
    T v1 = store.insert(newRecord(1));
    T other = store.insert(newRecord(2));

    store.delete(v1);

    assertThat(store.find(keyOf(v1))).isEmpty();
    assertThat(store.get(keyOf(other))).isEqualTo(other);
  }

  @Test
  void staleDeleteFailsWithVersionConflictAndKeepsTheRecord() {
    T v1 = store.insert(newRecord(1));
    T v2 = store.update(changed(v1));

    assertThatThrownBy(() -> store.delete(v1)).isInstanceOf(VersionConflictException.class);
    assertThat(store.get(keyOf(v1))).isEqualTo(v2);
  }

  @Test
  void deleteOfAMissingRecordFailsWithNotFound() {
    T never = newRecord(1).withVersion(1);

    assertThatThrownBy(() -> store.delete(never)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void aDeletedKeyCanBeInsertedAgain() {
    T v1 = store.insert(newRecord(1));
    store.delete(v1);

    T again = store.insert(newRecord(1));

    assertThat(again.version()).isEqualTo(1);
    assertThat(store.get(keyOf(v1))).isEqualTo(again);
  }

  @Test
  void twoThreadsRacingToUpdateOneRecordExactlyOneWins() throws Exception {
    for (int round = 0; round < 10; round++) {
      T v1 = store.insert(newRecord(100 + round));
      T write = changed(v1);
      CountDownLatch start = new CountDownLatch(1);
      Callable<Boolean> writer = () -> {
        start.await();
        try {
          store.update(write);
          return true;
        } catch (VersionConflictException e) {
          return false;
        }
      };
      ExecutorService threads = Executors.newFixedThreadPool(2);
      try {
        List<Future<Boolean>> results = new ArrayList<>();
        results.add(threads.submit(writer));
        results.add(threads.submit(writer));
        start.countDown();
        int wins = 0;
        for (Future<Boolean> result : results) {
          if (result.get(30, TimeUnit.SECONDS)) {
            wins++;
          }
        }
        assertThat(wins).as("winners in round %d", round).isEqualTo(1);
        assertThat(store.get(keyOf(v1))).isEqualTo(write.withVersion(2));
      } finally {
        threads.shutdownNow();
      }
    }
  }
}
