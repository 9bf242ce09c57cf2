package dev.callcenter.testkit.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.core.AlreadyExistsException;
import dev.callcenter.core.CallCenterException;
import dev.callcenter.core.NotFoundException;
import dev.callcenter.core.VersionConflictException;
import dev.callcenter.core.store.Page;
import dev.callcenter.core.store.PageRequest;
import dev.callcenter.sip.extension.DigestCredential;
import dev.callcenter.sip.extension.Extension;
import dev.callcenter.sip.extension.ExtensionQuery;
import dev.callcenter.sip.extension.ExtensionStatus;
import dev.callcenter.sip.extension.ExtensionStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ExtensionStore} must do: compare-and-set writes, unique extension codes (also under
 * concurrent inserts), digest credentials kept exactly, lists ordered by code, and every {@link ExtensionQuery}
 * criterion applied as {@link ExtensionQuery#matches} says.
 *
 * <pre>{@code
 * class JdbcExtensionStoreTest extends ExtensionStoreCompatibilityKit {
 *   @Override
 *   protected ExtensionStore createStore() {
 *     return new JdbcExtensionStore(freshDataSource());
 *   }
 * }
 * }</pre>
 */
public abstract class ExtensionStoreCompatibilityKit {
  /** A timestamp with millisecond precision, which every database keeps exactly. */
  protected static final Instant T0 = Instant.parse("2026-01-15T10:00:00.123Z");

  protected ExtensionStore store;

  /** A new, empty store; called before each test. */
  protected abstract ExtensionStore createStore();

  @BeforeEach
  void createTheStore() {
    store = createStore();
  }

  /** An extension with credentials for two realms and both algorithms. */
  protected static Extension extension(String id, String extcode) {
    return new Extension(id, extcode, "مكتب الاستقبال, \"Reception\"", "user-1", ExtensionStatus.REGISTERED,
        List.of(new DigestCredential("pbx.example.com", "MD5", "939e7578ed9e3c518a452acee763bce9"),
            new DigestCredential("pbx.example.com", "SHA-256",
                "5a3c1f0bd02e5b5d17c4f1d4a4e6b0a6c0c6c1b0e5f2a1b3c4d5e6f708192a3b"),
            new DigestCredential("backup.example.com", "MD5", "0123456789abcdef0123456789abcdef")),
        T0, T0, 0);
  }

  @Test
  void insertStoresAtVersionOneAndKeepsCredentialsExactly() {
    Extension original = extension("e-1", "1001");
    Extension stored = store.insert(original);
    assertThat(stored).isEqualTo(original.withVersion(1));
    assertThat(store.find("e-1")).contains(stored);
    assertThat(store.get("e-1").ha1("pbx.example.com", "SHA-256"))
        .contains("5a3c1f0bd02e5b5d17c4f1d4a4e6b0a6c0c6c1b0e5f2a1b3c4d5e6f708192a3b");
    Extension bare = new Extension("e-bare", "1002", "Bare", null, ExtensionStatus.UNREGISTERED, List.of(), T0, T0,
        0);
    assertThat(store.insert(bare)).isEqualTo(bare.withVersion(1));
    assertThat(store.get("e-bare")).isEqualTo(bare.withVersion(1));
  }

  @Test
  void insertRefusesATakenIdATakenCodeAndAStoredVersion() {
    store.insert(extension("e-1", "1001"));
    assertThatThrownBy(() -> store.insert(extension("e-1", "1009"))).isInstanceOf(AlreadyExistsException.class);
    assertThatThrownBy(() -> store.insert(extension("e-2", "1001"))).isInstanceOf(AlreadyExistsException.class);
    assertThatThrownBy(() -> store.insert(extension("e-3", "1003").withVersion(4)))
        .isInstanceOf(CallCenterException.class);
    assertThat(store.find("e-2")).isEmpty();
    assertThat(store.find("e-3")).isEmpty();
    assertThat(store.findByCode("1009")).isEmpty();
    assertThat(store.findByCode("1001")).map(Extension::id).contains("e-1");
    assertThatThrownBy(() -> store.get("unknown")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void updateIsCompareAndSet() {
    Extension v1 = store.insert(extension("e-1", "1001"));
    Extension v2 = store.update(v1.withStatus(ExtensionStatus.IN_CALL, T0.plusSeconds(1)));
    assertThat(v2.version()).isEqualTo(2);
    assertThat(store.get("e-1")).isEqualTo(v2);
    assertThat(store.findByCode("1001")).contains(v2);
    assertThatThrownBy(() -> store.update(v1.withDisplayName("Stale", T0)))
        .isInstanceOf(VersionConflictException.class);
    assertThat(store.get("e-1")).isEqualTo(v2);
    assertThatThrownBy(() -> store.update(extension("ghost", "1999").withVersion(1)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void codesStayUniqueWhenAnExtensionIsRecoded() {
    Extension a = store.insert(extension("e-1", "1001"));
    store.insert(extension("e-2", "1002"));
    Extension recoded = new Extension(a.id(), "1002", a.displayName(), a.userId(), a.status(), List.of(),
        a.createdAt(), T0, a.version());
    assertThatThrownBy(() -> store.update(recoded)).isInstanceOf(AlreadyExistsException.class);
    assertThat(store.get("e-1")).isEqualTo(a);
    Extension moved = store.update(new Extension(a.id(), "1003", a.displayName(), a.userId(), a.status(), List.of(),
        a.createdAt(), T0, a.version()));
    assertThat(store.findByCode("1003")).contains(moved);
    assertThat(store.findByCode("1001")).isEmpty();
    store.insert(extension("e-4", "1001"));
    assertThat(store.findByCode("1001")).map(Extension::id).contains("e-4");
  }

  @Test
  void deleteIsCompareAndSetAndFreesTheCode() {
    Extension v1 = store.insert(extension("e-1", "1001"));
    Extension v2 = store.update(v1.withUser(null, T0));
    assertThatThrownBy(() -> store.delete(v1)).isInstanceOf(VersionConflictException.class);
    store.delete(v2);
    assertThat(store.find("e-1")).isEmpty();
    assertThat(store.findByCode("1001")).isEmpty();
    assertThatThrownBy(() -> store.delete(v2)).isInstanceOf(NotFoundException.class);
    assertThat(store.insert(extension("e-2", "1001")).version()).isEqualTo(1);
  }

  @Test
  void listIsOrderedByCodeAndPaged() {
    for (String code : List.of("1003", "1001", "1005", "1002", "1004")) {
      store.insert(extension("e-" + code, code));
    }
    Page<Extension> page = store.list(ExtensionQuery.ALL, PageRequest.of(1, 2));
    assertThat(page.items()).extracting(Extension::extcode).containsExactly("1002", "1003");
    assertThat(page.total()).isEqualTo(5);
    assertThat(page.hasNext()).isTrue();
  }

  @Test
  void listFiltersLikeTheQuerySays() {
    List<Extension> all = new ArrayList<>();
    all.add(store.insert(extension("e-1", "1001")));
    all.add(store.insert(extension("e-2", "2001").withUser(null, T0).withStatus(ExtensionStatus.UNREGISTERED, T0)
        .withDisplayName("Sales desk", T0)));
    all.add(store.insert(extension("e-3", "2002").withUser("user-2", T0).withStatus(ExtensionStatus.IN_CALL, T0)));
    for (ExtensionQuery q : List.of(ExtensionQuery.ALL, ExtensionQuery.containing("200"),
        ExtensionQuery.containing("SALES"), ExtensionQuery.containing("الاستقبال"),
        ExtensionQuery.ALL.withStatus(ExtensionStatus.IN_CALL, ExtensionStatus.UNREGISTERED),
        ExtensionQuery.ALL.forUser("user-1"), ExtensionQuery.ALL.assigned(true), ExtensionQuery.ALL.assigned(false),
        ExtensionQuery.containing("20").assigned(true).withStatus(ExtensionStatus.IN_CALL))) {
      List<String> expected = all.stream().filter(q::matches).map(Extension::extcode).sorted().toList();
      Page<Extension> result = store.list(q, PageRequest.first(10));
      assertThat(result.items()).as("%s", q).extracting(Extension::extcode).containsExactlyElementsOf(expected);
      assertThat(result.total()).as("%s", q).isEqualTo(expected.size());
    }
  }

  @Test
  void concurrentInsertsOfOneCodeLetExactlyOneWin() throws Exception {
    int writers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> results = new ArrayList<>();
    try {
      for (int w = 0; w < writers; w++) {
        String id = "e-" + w;
        results.add(pool.submit(() -> {
          start.await();
          try {
            store.insert(extension(id, "1001"));
            return true;
          } catch (AlreadyExistsException lost) {
            return false;
          }
        }));
      }
      start.countDown();
      int winners = 0;
      for (Future<Boolean> f : results) {
        winners += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(winners).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(store.list(ExtensionQuery.ALL, PageRequest.first(10)).total()).isEqualTo(1);
  }
}
