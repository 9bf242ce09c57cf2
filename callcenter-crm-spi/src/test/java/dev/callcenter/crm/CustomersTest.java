package dev.callcenter.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.core.AlreadyExistsException;
import dev.callcenter.core.CallCenter;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.Language;
import dev.callcenter.core.PhoneNumber;
import dev.callcenter.core.store.Page;
import dev.callcenter.core.store.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CustomersTest {
  private final TestClock clock = new TestClock(Instant.parse("2026-01-10T09:00:00Z"));
  private final CountingStore store = new CountingStore(CustomerStore.inMemory());
  private final CrmService crm = CrmService.builder(CallCenter.builder().clock(clock).build())
      .customerStore(store).clock(clock).pinHashIterations(1_000).automation(false).build();
  private final Customers customers = crm.customers();

  private Customer sara() {
    return customers.create(NewCustomer.builder().name("سارة أحمد").phone("+966 50 123 4567")
        .phone("٠٠٩٦٦٥٥٥٥٥٥٥٥٥").email("sara@example.com").preferredLanguage("AR").tier("Gold").tag("vip-line")
        .notes("prefers mornings").pin("4321").build());
  }

  @Test
  void createsAProfileWithParsedPhonesAndLanguage() {
    Customer c = sara();
    assertThat(c.version()).isEqualTo(1);
    assertThat(c.phones()).extracting(PhoneNumber::e164).containsExactly("+966501234567", "+966555555555");
    assertThat(c.preferredLanguage()).isEqualTo(Language.ARABIC);
    assertThat(c.tier()).isEqualTo("gold");
    assertThat(c.callCount()).isZero();
    assertThat(c.lastInteraction()).isEmpty();
  }

  @Test
  void lookupByPhoneIsCachedAndInvalidatedOnEveryUpdate() {
    Customer c = sara();
    PhoneNumber phone = PhoneNumber.parse("+966501234567");
    int before = store.phoneLookups.get();
    assertThat(crm.lookupByPhone(phone)).map(Customer::id).contains(c.id());
    assertThat(crm.lookupByPhone(phone)).map(Customer::id).contains(c.id());
    assertThat(store.phoneLookups.get() - before).isEqualTo(1);

    customers.update(c.id(), x -> x.withName("Sara Ahmed", clock.instant()));
    assertThat(crm.lookupByPhone(phone)).map(Customer::name).contains("Sara Ahmed");
    assertThat(store.phoneLookups.get() - before).isEqualTo(2);

    customers.setPhones(c.id(), List.of("+966 50 999 8888"));
    assertThat(crm.lookupByPhone(phone)).isEmpty();
    assertThat(customers.lookupByPhone("+966509998888")).map(Customer::id).contains(c.id());
  }

  @Test
  void aMissIsForgottenWhenACustomerWithThatNumberIsCreated() {
    PhoneNumber phone = PhoneNumber.parse("+966501234567");
    assertThat(crm.lookupByPhone(phone)).isEmpty();
    Customer c = sara();
    assertThat(crm.lookupByPhone(phone)).map(Customer::id).contains(c.id());
  }

  @Test
  void cachedLookupsExpireAfterTheTtl() {
    Customer c = sara();
    PhoneNumber phone = PhoneNumber.parse("+966501234567");
    crm.lookupByPhone(phone);
    int before = store.phoneLookups.get();
    clock.advance(CrmService.Builder.DEFAULT_LOOKUP_CACHE_TTL.plus(Duration.ofSeconds(1)));
    assertThat(crm.lookupByPhone(phone)).map(Customer::id).contains(c.id());
    assertThat(store.phoneLookups.get()).isEqualTo(before + 1);
  }

  @Test
  void pinIsKeptOnlyHashedAndVerified() {
    Customer c = sara();
    assertThat(c.hasPin()).isTrue();
    assertThat(c.pinHash()).startsWith("pbkdf2-sha256$").doesNotContain("4321");
    assertThat(c.toString()).doesNotContain(c.pinHash()).doesNotContain("4321");
    assertThat(dev.callcenter.core.internal.Json.write(c)).doesNotContain("pbkdf2").doesNotContain("4321");
    assertThat(crm.verifyPin(c.id(), "4321")).isTrue();
    assertThat(crm.verifyPin(c.id(), "٤٣٢١")).isTrue();
    assertThat(crm.verifyPin(c.id(), "1234")).isFalse();
    assertThat(crm.verifyPin(c.id(), "abc")).isFalse();
    assertThat(crm.verifyPin("nobody", "4321")).isFalse();

    customers.setPin(c.id(), "98765");
    assertThat(crm.verifyPin(c.id(), "4321")).isFalse();
    assertThat(crm.verifyPin(c.id(), "98765")).isTrue();
    customers.clearPin(c.id());
    assertThat(crm.verifyPin(c.id(), "98765")).isFalse();
  }

  @Test
  void repeatedWrongPinsLockTheCustomerOutForAWhile() {
    Customer c = sara();
    for (int i = 0; i < CrmService.Builder.DEFAULT_PIN_MAX_ATTEMPTS; i++) {
      assertThat(crm.verifyPin(c.id(), "0000")).isFalse();
    }
    assertThat(crm.verifyPin(c.id(), "4321")).as("locked out, even with the right PIN").isFalse();
    clock.advance(CrmService.Builder.DEFAULT_PIN_LOCKOUT.plusSeconds(1));
    assertThat(crm.verifyPin(c.id(), "4321")).isTrue();
    assertThat(crm.verifyPin(c.id(), "0000")).isFalse();
    assertThat(crm.verifyPin(c.id(), "4321")).as("a success clears the count").isTrue();
  }

  @Test
  void aBadPinIsRefusedWithoutEchoingIt() {
    assertThatThrownBy(() -> customers.create(NewCustomer.builder().name("A").pin("12ab").build()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("pin").hasMessageNotContaining("12ab");
    assertThat(NewCustomer.builder().name("A").pin("5555").build().toString()).doesNotContain("5555");
  }

  @Test
  void badInputNamesEveryFieldAndStoresNothing() {
    assertThatThrownBy(() -> customers.create(NewCustomer.builder().name("A").phone("+966 50 123 4567")
        .phone("not a phone").build()))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(InvalidInputException.Violation::field)
                .containsExactly("phones[1]"));
    assertThatThrownBy(() -> customers.create(NewCustomer.builder().name("A").email("nope").build()))
        .hasMessageContaining("email");
    assertThat(customers.search(CustomerQuery.ALL, PageRequest.first(10)).total()).isZero();
  }

  @Test
  void aPhoneNumberBelongsToOneCustomer() {
    sara();
    assertThatThrownBy(() -> customers.create(NewCustomer.builder().name("B").phone("+966501234567").build()))
        .isInstanceOf(AlreadyExistsException.class);
    Customer b = customers.create(NewCustomer.builder().name("B").phone("+966502222222").build());
    assertThatThrownBy(() -> customers.setPhones(b.id(), List.of("+966555555555")))
        .isInstanceOf(AlreadyExistsException.class);
    assertThat(customers.get(b.id()).phones()).extracting(PhoneNumber::e164).containsExactly("+966502222222");
  }

  @Test
  void interactionHistoryCountsAndLastInteraction() {
    Customer c = sara();
    customers.recordInteraction(c.id(), new Interaction(InteractionType.CALL, "call-1", clock.instant(), "call"));
    clock.advance(Duration.ofMinutes(5));
    customers.recordInteraction(c.id(), new Interaction(InteractionType.TICKET, "t-1", clock.instant(), "ticket"));
    Customer after = customers.get(c.id());
    assertThat(after.callCount()).isEqualTo(1);
    assertThat(after.ticketCount()).isEqualTo(1);
    assertThat(after.messageCount()).isZero();
    assertThat(after.lastInteraction()).map(Interaction::reference).contains("t-1");
  }

  @Test
  void searchFiltersAndPages() {
    sara();
    for (int i = 0; i < 5; i++) {
      customers.create(NewCustomer.builder().id("c" + i).name("Customer " + i).tier(i % 2 == 0 ? "vip" : "standard")
          .build());
    }
    Page<Customer> vip = customers.search(CustomerQuery.ALL.withTier("VIP"), PageRequest.of(1, 2));
    assertThat(vip.total()).isEqualTo(3);
    assertThat(vip.items()).extracting(Customer::id).containsExactly("c2", "c4");
    assertThat(customers.search(CustomerQuery.containing("سارة"), PageRequest.first(10)).total()).isEqualTo(1);
    assertThat(customers.search(CustomerQuery.containing("+96650123"), PageRequest.first(10)).total()).isEqualTo(1);
  }

  /** Counts phone look-ups that reach the store. */
  static final class CountingStore implements CustomerStore {
    final CustomerStore delegate;
    final AtomicInteger phoneLookups = new AtomicInteger();

    CountingStore(CustomerStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public Optional<Customer> findByPhone(PhoneNumber phone) {
      phoneLookups.incrementAndGet();
      return delegate.findByPhone(phone);
    }

    @Override
    public Page<Customer> list(CustomerQuery query, PageRequest page) {
      return delegate.list(query, page);
    }

    @Override
    public Customer insert(Customer record) {
      return delegate.insert(record);
    }

    @Override
    public Optional<Customer> find(String key) {
      return delegate.find(key);
    }

    @Override
    public Customer update(Customer record) {
      return delegate.update(record);
    }

    @Override
    public void delete(Customer record) {
      delegate.delete(record);
    }
  }

  @Test
  void aCorruptStoredPinHashFailsClosedAndIsLoggedWithoutTheHashOrThePin() {
    Customer c = sara();
    String good = c.pinHash();
    String salt = good.split("\\$")[2];
    String hash = good.split("\\$")[3];
    String[] corrupt = {
        "pbkdf2-sha256$1x00$" + salt + "$" + hash,
        "pbkdf2-sha256$-5$" + salt + "$" + hash,
        "pbkdf2-sha256$1000$" + salt + "$not*base64!",
        "bcrypt$12$" + salt + "$" + hash};
    for (String bad : corrupt) {
      Customer current = store.get(c.id());
      store.update(current.withPinHash(bad, clock.instant()));
      java.io.PrintStream original = System.err;
      java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
      System.setErr(new java.io.PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8));
      boolean ok;
      try {
        ok = crm.verifyPin(c.id(), "4321");
      } finally {
        System.setErr(original);
      }
      String logged = log.toString(java.nio.charset.StandardCharsets.UTF_8);
      assertThat(ok).as(bad).isFalse();
      assertThat(logged).as(bad).contains(c.id()).contains("stored PIN hash").doesNotContain("4321")
          .doesNotContain(salt).doesNotContain(hash).doesNotContain("1x00");
    }
  }
}
