package dev.callcenter.testkit.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.core.AlreadyExistsException;
import dev.callcenter.core.CallCenterException;
import dev.callcenter.core.Language;
import dev.callcenter.core.NotFoundException;
import dev.callcenter.core.PhoneNumber;
import dev.callcenter.core.VersionConflictException;
import dev.callcenter.core.store.Page;
import dev.callcenter.core.store.PageRequest;
import dev.callcenter.crm.Customer;
import dev.callcenter.crm.CustomerQuery;
import dev.callcenter.crm.CustomerStore;
import dev.callcenter.crm.Interaction;
import dev.callcenter.crm.InteractionType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CustomerStore} must do. Subclass it in your adapter's tests:
 *
 * <pre>{@code
 * class JdbcCustomerStoreTest extends CustomerStoreCompatibilityKit {
 *   @Override
 *   protected CustomerStore createStore() {
 *     return new JdbcCustomerStore(freshDataSource());
 *   }
 * }
 * }</pre>
 */
public abstract class CustomerStoreCompatibilityKit {
  /** A timestamp with millisecond precision, which every database keeps exactly. */
  protected static final Instant T0 = Instant.parse("2026-01-15T10:00:00.123Z");

  protected CustomerStore store;

  /** A new, empty store; called before each test. */
  protected abstract CustomerStore createStore();

  @BeforeEach
  void createTheStore() {
    store = createStore();
  }

  /** A customer with every field set, Arabic text included. */
  protected static Customer customer(String id, String... phones) {
    List<PhoneNumber> numbers = new ArrayList<>();
    for (String phone : phones) {
      numbers.add(PhoneNumber.parse(phone));
    }
    return new Customer(id, "سارة \"Sara\", O'Neil", numbers, id + "@example.com", Language.ARABIC, "gold",
        "line one\nline two, with a comma", Set.of("vip", "arabic"), "pbkdf2-sha256$1000$c2FsdA$aGFzaA",
        List.of(new Interaction(InteractionType.CALL, "call-1", T0, "call completed"),
            new Interaction(InteractionType.TICKET, "ticket-1", T0.plus(1, ChronoUnit.MINUTES), "ticket opened")),
        T0, T0, 0);
  }

  @Test
  void insertStoresAtVersionOneAndFindReturnsEveryField() {
    Customer original = customer("c-1", "+966501234567", "+442071234567");
    Customer stored = store.insert(original);
    assertThat(stored).isEqualTo(original.withVersion(1));
    assertThat(store.find("c-1")).contains(stored);
    assertThat(store.get("c-1")).isEqualTo(stored);
  }

  @Test
  void optionalFieldsMayBeEmpty() {
    Customer bare = new Customer("c-bare", "Bare", List.of(), null, null, "standard", "", Set.of(), null,
        List.of(), T0, T0, 0);
    assertThat(store.insert(bare)).isEqualTo(bare.withVersion(1));
    assertThat(store.get("c-bare")).isEqualTo(bare.withVersion(1));
  }

  @Test
  void insertRefusesATakenIdAndAStoredVersion() {
    store.insert(customer("c-1"));
    assertThatThrownBy(() -> store.insert(customer("c-1"))).isInstanceOf(AlreadyExistsException.class);
    assertThatThrownBy(() -> store.insert(customer("c-2").withVersion(3))).isInstanceOf(CallCenterException.class);
    assertThat(store.find("c-2")).isEmpty();
  }

  @Test
  void findOfAnUnknownIdIsEmptyAndGetFails() {
    assertThat(store.find("nobody")).isEmpty();
    assertThatThrownBy(() -> store.get("nobody")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void updateIsCompareAndSet() {
    Customer v1 = store.insert(customer("c-1", "+966501234567"));
    Customer v2 = store.update(v1.withName("Sara Ahmed", T0.plusSeconds(1)));
    assertThat(v2.version()).isEqualTo(2);
    assertThat(store.get("c-1")).isEqualTo(v2);
    assertThatThrownBy(() -> store.update(v1.withName("Stale", T0.plusSeconds(2))))
        .isInstanceOf(VersionConflictException.class);
    assertThat(store.get("c-1")).isEqualTo(v2);
    assertThatThrownBy(() -> store.update(customer("ghost").withVersion(1)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void deleteIsCompareAndSet() {
    Customer v1 = store.insert(customer("c-1", "+966501234567"));
    Customer v2 = store.update(v1.withTier("vip", T0));
    assertThatThrownBy(() -> store.delete(v1)).isInstanceOf(VersionConflictException.class);
    assertThat(store.find("c-1")).isPresent();
    store.delete(v2);
    assertThat(store.find("c-1")).isEmpty();
    assertThat(store.findByPhone(PhoneNumber.parse("+966501234567"))).isEmpty();
    assertThatThrownBy(() -> store.delete(v2)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void findByPhoneFollowsEveryChange() {
    PhoneNumber first = PhoneNumber.parse("+966501234567");
    PhoneNumber second = PhoneNumber.parse("+966502222222");
    Customer v1 = store.insert(customer("c-1", first.e164()));
    store.insert(customer("c-2", "+442071234567"));
    assertThat(store.findByPhone(first)).contains(v1);
    assertThat(store.findByPhone(second)).isEmpty();
    Customer v2 = store.update(v1.withPhones(List.of(second), T0));
    assertThat(store.findByPhone(first)).isEmpty();
    assertThat(store.findByPhone(second)).contains(v2);
  }

  @Test
  void listIsOrderedByIdAndPaged() {
    for (String id : List.of("c-3", "c-1", "c-5", "c-2", "c-4")) {
      store.insert(customer(id));
    }
    Page<Customer> page = store.list(CustomerQuery.ALL, PageRequest.of(1, 2));
    assertThat(page.items()).extracting(Customer::id).containsExactly("c-2", "c-3");
    assertThat(page.total()).isEqualTo(5);
    assertThat(page.offset()).isEqualTo(1);
    assertThat(page.limit()).isEqualTo(2);
    assertThat(store.list(CustomerQuery.ALL, PageRequest.of(4, 2)).items()).extracting(Customer::id)
        .containsExactly("c-5");
    assertThat(store.list(CustomerQuery.ALL, PageRequest.of(10, 2)).items()).isEmpty();
  }

  @Test
  void listFiltersLikeTheQuerySays() {
    Customer a = store.insert(customer("c-a", "+966501234567"));
    Customer b = store.insert(customer("c-b").withName("Omar", T0).withTier("standard", T0)
        .withTags(Set.of("new"), T0).withEmail(null, T0).withNotes("", T0));
    Customer c = store.insert(customer("c-c").withName("Lina", T0).withTags(Set.of(), T0));
    List<Customer> all = List.of(a, b, c);
    for (CustomerQuery q : List.of(CustomerQuery.ALL.withTier("gold"), CustomerQuery.ALL.withTag("new"),
        CustomerQuery.containing("omar"), CustomerQuery.containing("SARA"), CustomerQuery.containing("+9665012"),
        CustomerQuery.containing("c-c"), CustomerQuery.containing("LINA").withTier("gold"),
        CustomerQuery.containing("nothing matches this"))) {
      List<String> expected = all.stream().filter(q::matches).map(Customer::id).toList();
      assertThat(store.list(q, PageRequest.first(10)).items()).as("%s", q).extracting(Customer::id)
          .containsExactlyElementsOf(expected);
      assertThat(store.list(q, PageRequest.first(10)).total()).as("%s", q).isEqualTo(expected.size());
    }
  }

  @Test
  void concurrentWritersNeverLoseAnUpdate() throws Exception {
    store.insert(customer("c-1"));
    int writers = 4;
    int each = 25;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        done.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < each; i++) {
            while (true) {
              Customer current = store.get("c-1");
              LockSupport.parkNanos(200_000); // widen the window in which another writer can win
              try {
                store.update(current.withInteraction(new Interaction(InteractionType.MESSAGE, "m-" + writer + "-" + i,
                    T0, ""), T0));
                break;
              } catch (VersionConflictException retry) {
                // another writer won; read again
              }
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    Customer last = store.get("c-1");
    assertThat(last.version()).isEqualTo(1 + writers * each);
    assertThat(last.messageCount()).isEqualTo(writers * each);
  }
}
