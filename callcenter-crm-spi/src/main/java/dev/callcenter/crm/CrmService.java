package dev.callcenter.crm;

import dev.callcenter.core.CallCenter;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.PhoneNumber;
import dev.callcenter.core.event.Subscription;
import dev.callcenter.core.internal.Checks;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * The CRM of a call center: {@link #customers()}, {@link #tickets()} and {@link #transcripts()} over pluggable
 * stores, events through the {@link CallCenter}, and tickets opened automatically from call events by a
 * {@link TicketPolicy}.
 *
 * <pre>{@code
 * CallCenter center = CallCenter.builder().build();
 * CrmService crm = CrmService.builder(center).build();             // in memory, default ticket policy
 * crm.customers().create(NewCustomer.builder().name("Sara").phone("+966501234567").pin("4321").build());
 * Optional<Customer> caller = crm.lookupByPhone(PhoneNumber.parse("+966501234567"));
 * }</pre>
 *
 * <p>{@link #close()} stops the automation; the stores stay as they are.
 */
public final class CrmService implements CustomerDirectory, AutoCloseable {
  private final Customers customers;
  private final Tickets tickets;
  private final Transcripts transcripts;
  private final @Nullable Subscription automation;

  private CrmService(Builder b) {
    Clock clock = b.clock != null ? b.clock : b.center.clock();
    Executor executor = b.executor != null ? b.executor : b.center.executor();
    int retries = b.maxRetries != null ? b.maxRetries : Builder.DEFAULT_MAX_RETRIES;
    this.customers = new Customers(b.customers != null ? b.customers : CustomerStore.inMemory(), clock,
        b.defaultRegion, b.pinHashIterations != null ? b.pinHashIterations : Builder.DEFAULT_PIN_HASH_ITERATIONS,
        b.lookupCacheSize != null ? b.lookupCacheSize : Builder.DEFAULT_LOOKUP_CACHE_SIZE,
        b.lookupCacheTtl != null ? b.lookupCacheTtl : Builder.DEFAULT_LOOKUP_CACHE_TTL, retries,
        b.pinMaxAttempts != null ? b.pinMaxAttempts : Builder.DEFAULT_PIN_MAX_ATTEMPTS,
        b.pinLockout != null ? b.pinLockout : Builder.DEFAULT_PIN_LOCKOUT);
    this.tickets = new Tickets(b.tickets != null ? b.tickets : TicketStore.inMemory(), b.center, customers,
        b.sla != null ? b.sla : SlaPolicy.defaults(), clock, retries);
    this.transcripts = new Transcripts(b.transcripts != null ? b.transcripts : TranscriptStore.inMemory(),
        b.center, customers, b.scorer != null ? b.scorer : SentimentScorer.lexicon(), clock, retries);
    TicketPolicy policy = b.policy != null ? b.policy : TicketPolicy.defaults();
    this.automation = b.automation
        ? b.center.subscribe(new TicketAutomation(b.center, tickets, customers, policy, executor))
        : null;
  }

  /** A builder for a CRM attached to {@code center}, whose events it listens to and emits through. */
  public static Builder builder(CallCenter center) {
    return new Builder(Checks.notNull(center, "center"));
  }

  public Customers customers() {
    return customers;
  }

  public Tickets tickets() {
    return tickets;
  }

  public Transcripts transcripts() {
    return transcripts;
  }

  @Override
  public Optional<Customer> lookupByPhone(PhoneNumber phone) {
    return customers.lookupByPhone(phone);
  }

  @Override
  public boolean verifyPin(String customerId, String pin) {
    return customers.verifyPin(customerId, pin);
  }

  /** Stops listening to call events. Closing twice is harmless. */
  @Override
  public void close() {
    if (automation != null) {
      automation.close();
    }
  }

  /** Configures a {@link CrmService}; every setter rejects a value set twice. */
  public static final class Builder {
    public static final int DEFAULT_MAX_RETRIES = 16;
    /** PBKDF2-HMAC-SHA256 rounds for PINs. */
    public static final int DEFAULT_PIN_HASH_ITERATIONS = 100_000;
    public static final long DEFAULT_LOOKUP_CACHE_SIZE = 10_000;
    /** How long a phone lookup is cached; bounds staleness when another node changes a customer. */
    public static final Duration DEFAULT_LOOKUP_CACHE_TTL = Duration.ofMinutes(1);
    /** Failed PIN attempts in a row before a customer is locked out. */
    public static final int DEFAULT_PIN_MAX_ATTEMPTS = 5;
    /** How long a locked-out customer waits after the last failed attempt. */
    public static final Duration DEFAULT_PIN_LOCKOUT = Duration.ofMinutes(15);

    private final CallCenter center;
    private @Nullable CustomerStore customers;
    private @Nullable TicketStore tickets;
    private @Nullable TranscriptStore transcripts;
    private @Nullable SlaPolicy sla;
    private @Nullable TicketPolicy policy;
    private boolean automation = true;
    private boolean automationSet;
    private @Nullable SentimentScorer scorer;
    private @Nullable Clock clock;
    private @Nullable Executor executor;
    private @Nullable String defaultRegion;
    private @Nullable Integer pinHashIterations;
    private @Nullable Long lookupCacheSize;
    private @Nullable Duration lookupCacheTtl;
    private @Nullable Integer maxRetries;
    private @Nullable Integer pinMaxAttempts;
    private @Nullable Duration pinLockout;

    private Builder(CallCenter center) {
      this.center = center;
    }

    private static <T> T once(@Nullable Object current, @Nullable T value, String field) {
      if (current != null) {
        throw InvalidInputException.of(field, "was already set");
      }
      return Checks.notNull(value, field);
    }

    public Builder customerStore(CustomerStore value) {
      customers = once(customers, value, "customerStore");
      return this;
    }

    public Builder ticketStore(TicketStore value) {
      tickets = once(tickets, value, "ticketStore");
      return this;
    }

    public Builder transcriptStore(TranscriptStore value) {
      transcripts = once(transcripts, value, "transcriptStore");
      return this;
    }

    /** SLA targets per ticket priority; {@link SlaPolicy#defaults()} when not set. */
    public Builder sla(SlaPolicy value) {
      sla = once(sla, value, "sla");
      return this;
    }

    /** Which call events open tickets; {@link TicketPolicy#defaults()} when not set. */
    public Builder ticketPolicy(TicketPolicy value) {
      policy = once(policy, value, "ticketPolicy");
      return this;
    }

    /** Whether to listen to call events at all (tickets, call interactions); true by default. */
    public Builder automation(boolean value) {
      if (automationSet) {
        throw InvalidInputException.of("automation", "was already set");
      }
      automationSet = true;
      automation = value;
      return this;
    }

    public Builder sentimentScorer(SentimentScorer value) {
      scorer = once(scorer, value, "sentimentScorer");
      return this;
    }

    /** The clock for timestamps and SLA; the center's clock when not set. */
    public Builder clock(Clock value) {
      clock = once(clock, value, "clock");
      return this;
    }

    /** Where automation work runs; the center's executor when not set. */
    public Builder executor(Executor value) {
      executor = once(executor, value, "executor");
      return this;
    }

    /** Region (ISO 3166, e.g. {@code SA}) for phone numbers written without a country code. */
    public Builder defaultRegion(String value) {
      defaultRegion = once(defaultRegion, Checks.notBlank(value, "defaultRegion"), "defaultRegion");
      return this;
    }

    public Builder pinHashIterations(int value) {
      pinHashIterations = once(pinHashIterations, Checks.inRange(value, 1, 10_000_000, "pinHashIterations"),
          "pinHashIterations");
      return this;
    }

    public Builder lookupCacheSize(long value) {
      if (value < 0) {
        throw InvalidInputException.of("lookupCacheSize", "must not be negative, was %d", value);
      }
      lookupCacheSize = once(lookupCacheSize, value, "lookupCacheSize");
      return this;
    }

    public Builder lookupCacheTtl(Duration value) {
      Checks.notNull(value, "lookupCacheTtl");
      if (value.isNegative()) {
        throw InvalidInputException.of("lookupCacheTtl", "must not be negative, was %s", value);
      }
      lookupCacheTtl = once(lookupCacheTtl, value, "lookupCacheTtl");
      return this;
    }

    public Builder maxRetries(int value) {
      maxRetries = once(maxRetries, Checks.inRange(value, 0, 1000, "maxRetries"), "maxRetries");
      return this;
    }

    /** Failed PIN attempts in a row before a lock-out ({@link #DEFAULT_PIN_MAX_ATTEMPTS}). */
    public Builder pinMaxAttempts(int value) {
      pinMaxAttempts = once(pinMaxAttempts, Checks.inRange(value, 1, 1000, "pinMaxAttempts"), "pinMaxAttempts");
      return this;
    }

    /** How long a lock-out lasts after the last failed attempt ({@link #DEFAULT_PIN_LOCKOUT}). */
    public Builder pinLockout(Duration value) {
      Checks.notNull(value, "pinLockout");
      if (value.isNegative() || value.isZero()) {
        throw InvalidInputException.of("pinLockout", "must be positive, was %s", value);
      }
      pinLockout = once(pinLockout, value, "pinLockout");
      return this;
    }

    public CrmService build() {
      return new CrmService(this);
    }
  }
}
