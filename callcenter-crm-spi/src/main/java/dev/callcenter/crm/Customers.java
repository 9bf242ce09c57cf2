package dev.callcenter.crm;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.callcenter.core.AlreadyExistsException;
import dev.callcenter.core.CallCenterException;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.Language;
import dev.callcenter.core.PhoneNumber;
import dev.callcenter.core.VersionConflictException;
import dev.callcenter.core.internal.Checks;
import dev.callcenter.core.store.Page;
import dev.callcenter.core.store.PageRequest;
import dev.callcenter.crm.internal.PinHasher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Customers: create, change, look up by phone (cached; every change through this class invalidates the numbers
 * it touches), verify the IVR PIN, and keep the interaction history. Obtain one from {@link CrmService}.
 * Thread-safe.
 */
public final class Customers implements CustomerDirectory {
  private static final Logger LOG = LoggerFactory.getLogger(Customers.class);

  private final CustomerStore store;
  private final Clock clock;
  private final @Nullable String defaultRegion;
  private final PinHasher pins;
  private final int maxRetries;
  private final Cache<PhoneNumber, Optional<Customer>> byPhone;
  private final int pinMaxAttempts;
  /** Failed PIN attempts per customer id; an entry lapses {@code pinLockout} after the last failure. */
  private final Cache<String, Integer> pinFailures;

  Customers(CustomerStore store, Clock clock, @Nullable String defaultRegion, int pinHashIterations,
      long cacheSize, Duration cacheTtl, int maxRetries, int pinMaxAttempts, Duration pinLockout) {
    this.store = store;
    this.clock = clock;
    this.defaultRegion = defaultRegion;
    this.pins = new PinHasher(pinHashIterations);
    this.maxRetries = maxRetries;
    Ticker ticker = () -> {
      Instant now = clock.instant();
      return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    };
    this.byPhone = Caffeine.newBuilder().maximumSize(cacheSize).expireAfterWrite(cacheTtl).ticker(ticker).build();
    this.pinMaxAttempts = pinMaxAttempts;
    this.pinFailures = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(pinLockout).ticker(ticker)
        .build();
  }

  /**
   * Creates a customer; a PIN given is stored only hashed.
   *
   * @throws InvalidInputException naming the field; nothing is stored then
   * @throws AlreadyExistsException when the id or one of the numbers belongs to another customer
   */
  public Customer create(NewCustomer request) {
    Checks.notNull(request, "customer");
    Instant now = clock.instant();
    List<PhoneNumber> phones = parsePhones(request.phones());
    Language language = request.preferredLanguage() == null || request.preferredLanguage().isBlank() ? null
        : Language.of(request.preferredLanguage());
    String id = request.id() == null ? UUID.randomUUID().toString() : request.id();
    String pinHash = request.pin() == null ? null : pins.hash(request.pin());
    String name = Checks.notBlank(request.name(), "name").strip();
    Customer customer = new Customer(id, name, phones, blankToNull(request.email()), language,
        request.tier() == null ? Customer.DEFAULT_TIER : request.tier(), request.notes(), request.tags(), pinHash,
        List.of(), now, now, 0);
    requirePhonesFree(customer);
    Customer stored = store.insert(customer);
    invalidate(stored.phones());
    LOG.debug("customer {} created", stored.id());
    return stored;
  }

  public Optional<Customer> find(String id) {
    return store.find(Checks.notNull(id, "id"));
  }

  /** @throws dev.callcenter.core.NotFoundException when there is no such customer */
  public Customer get(String id) {
    return store.get(Checks.notNull(id, "id"));
  }

  public Page<Customer> search(CustomerQuery query, PageRequest page) {
    return store.list(Checks.notNull(query, "query"), Checks.notNull(page, "page"));
  }

  /**
   * Applies {@code change} to the current snapshot (use the {@code with...} methods of {@link Customer}) and
   * stores it with compare-and-set, re-applying it to a fresh snapshot when another writer wins. The phone
   * lookup cache forgets the numbers before and after.
   *
   * @throws AlreadyExistsException when a new number belongs to another customer; nothing changes then
   */
  public Customer update(String id, UnaryOperator<Customer> change) {
    Checks.notNull(change, "change");
    return modify(id, current -> {
      Customer next = change.apply(current);
      if (!next.id().equals(current.id()) || next.version() != current.version()) {
        throw InvalidInputException.of("customer", "an update may not change the id or version");
      }
      if (!java.util.Objects.equals(next.pinHash(), current.pinHash())) {
        throw InvalidInputException.of("pin", "is changed with setPin only");
      }
      if (!next.phones().equals(current.phones())) {
        requirePhonesFree(next);
      }
      return next;
    });
  }

  /** Replaces the customer's phone numbers, given as text in any form {@link PhoneNumber#parse} accepts. */
  public Customer setPhones(String id, List<String> phones) {
    List<PhoneNumber> parsed = parsePhones(phones);
    return update(id, c -> c.withPhones(parsed, clock.instant()));
  }

  /** Sets (or replaces) the IVR PIN: 4 to 8 digits, stored only hashed. */
  public Customer setPin(String id, String pin) {
    String hash = pins.hash(pin);
    Customer updated = modify(id, c -> c.withPinHash(hash, clock.instant()));
    LOG.info("customer {} PIN changed", id);
    return updated;
  }

  /** Removes the IVR PIN. */
  public Customer clearPin(String id) {
    return modify(id, c -> c.withPinHash(null, clock.instant()));
  }

  /**
   * {@inheritDoc}
   *
   * <p>After {@code pinMaxAttempts} failures in a row a customer is locked out: every attempt is refused, right or
   * wrong, until {@code pinLockout} has passed since the last failure. A success clears the count. The count is
   * kept in this process.
   */
  @Override
  public boolean verifyPin(String customerId, String pin) {
    if (customerId == null || customerId.isBlank() || pin == null) {
      return false;
    }
    Integer failures = pinFailures.getIfPresent(customerId);
    if (failures != null && failures >= pinMaxAttempts) {
      pinFailures.asMap().merge(customerId, 1, Integer::sum);
      LOG.info("PIN verification for customer {} refused: locked out after {} failures", customerId, failures);
      return false;
    }
    Optional<Customer> customer = store.find(customerId);
    String hash = customer.map(Customer::pinHash).orElse(null);
    boolean ok;
    try {
      ok = hash != null && PinHasher.matches(hash, pin);
    } catch (CallCenterException e) {
      // fail closed; the message names what is wrong, never the hash or the PIN
      LOG.error("PIN verification for customer {} refused: {}", customerId, e.getMessage());
      ok = false;
    }
    if (ok) {
      pinFailures.invalidate(customerId);
    } else {
      pinFailures.asMap().merge(customerId, 1, Integer::sum);
    }
    LOG.debug("PIN verification for customer {}: {}", customerId, ok ? "accepted" : "refused");
    return ok;
  }

  /** Cached: repeated look-ups of the same number do not reach the store until a change or the cache TTL. */
  @Override
  public Optional<Customer> lookupByPhone(PhoneNumber phone) {
    Checks.notNull(phone, "phone");
    return byPhone.get(phone, store::findByPhone);
  }

  /** Parses {@code phone} as {@link PhoneNumber#parse} does (with the default region) and looks it up. */
  public Optional<Customer> lookupByPhone(String phone) {
    return lookupByPhone(PhoneNumber.parse(phone, defaultRegion));
  }

  /** Appends an entry to the customer's interaction history. */
  public Customer recordInteraction(String customerId, Interaction interaction) {
    Checks.notNull(interaction, "interaction");
    return modify(customerId, c -> c.withInteraction(interaction, clock.instant()));
  }

  /** Appends the interaction unless one of the same type and reference is already in the history. */
  Customer recordInteractionOnce(String customerId, Interaction interaction) {
    Checks.notNull(interaction, "interaction");
    return modify(customerId, c -> c.interactions().stream().anyMatch(i -> i.type() == interaction.type()
        && i.reference().equals(interaction.reference())) ? c : c.withInteraction(interaction, clock.instant()));
  }

  /** Deletes the customer (whatever version is current). */
  public void delete(String id) {
    for (int attempt = 0; ; attempt++) {
      Customer current = get(id);
      try {
        store.delete(current);
        invalidate(current.phones());
        LOG.debug("customer {} deleted", id);
        return;
      } catch (VersionConflictException e) {
        if (attempt >= maxRetries) {
          throw e;
        }
      }
    }
  }

  private Customer modify(String id, UnaryOperator<Customer> change) {
    Checks.notNull(id, "id");
    for (int attempt = 0; ; attempt++) {
      Customer current = store.get(id);
      Customer next = change.apply(current);
      if (next.equals(current)) {
        return current;
      }
      try {
        Customer stored = store.update(next);
        Set<PhoneNumber> touched = new HashSet<>(current.phones());
        touched.addAll(stored.phones());
        invalidate(touched);
        return stored;
      } catch (VersionConflictException e) {
        if (attempt >= maxRetries) {
          throw e;
        }
      }
    }
  }

  private void requirePhonesFree(Customer customer) {
    for (PhoneNumber phone : customer.phones()) {
      Optional<Customer> owner = store.findByPhone(phone);
      if (owner.isPresent() && !owner.get().id().equals(customer.id())) {
        throw AlreadyExistsException.of("customer phone", phone.e164());
      }
    }
  }

  private void invalidate(Iterable<PhoneNumber> phones) {
    byPhone.invalidateAll(phones);
  }

  private List<PhoneNumber> parsePhones(List<String> texts) {
    Set<PhoneNumber> out = new LinkedHashSet<>();
    List<InvalidInputException.Violation> errors = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      try {
        out.add(PhoneNumber.parse(texts.get(i), defaultRegion));
      } catch (InvalidInputException e) {
        for (InvalidInputException.Violation v : e.violations()) {
          errors.add(new InvalidInputException.Violation("phones[" + i + "]", v.message()));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw InvalidInputException.of(errors);
    }
    return List.copyOf(out);
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
