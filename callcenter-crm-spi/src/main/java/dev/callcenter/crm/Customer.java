package dev.callcenter.crm;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.Language;
import dev.callcenter.core.PhoneNumber;
import dev.callcenter.core.internal.Checks;
import dev.callcenter.core.store.Versioned;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A customer as the CRM knows them: an immutable snapshot, stored with compare-and-set on {@link #version()}.
 *
 * @param id the CRM's id (letters, digits and {@code . _ : -}, at most 64 characters)
 * @param phones the customer's numbers, first the main one; no duplicates
 * @param tier a service tier such as {@code standard}, {@code gold} or {@code vip} (lower case)
 * @param pinHash the IVR verification PIN in hashed form (never the PIN itself), or null when none is set;
 *     left out of {@link #toString()} and of JSON
 * @param interactions the interaction history, oldest first
 */
public record Customer(
    String id,
    String name,
    List<PhoneNumber> phones,
    @Nullable String email,
    @Nullable Language preferredLanguage,
    String tier,
    String notes,
    Set<String> tags,
    @JsonIgnore @Nullable String pinHash,
    List<Interaction> interactions,
    Instant createdAt,
    Instant updatedAt,
    long version)
    implements Versioned<Customer> {

  public static final String DEFAULT_TIER = "standard";
  static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  static final Pattern TIER = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
  static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  public Customer {
    Checks.matches(id, ID, "id", "1-64 letters, digits or . _ : -");
    Checks.notBlank(name, "name");
    if (name.length() > 200) {
      throw InvalidInputException.of("name", "must be at most 200 characters, was %d", name.length());
    }
    phones = List.copyOf(Checks.notNull(phones, "phones"));
    if (new LinkedHashSet<>(phones).size() != phones.size()) {
      throw InvalidInputException.of("phones", "must not contain a number twice");
    }
    if (email != null) {
      Checks.matches(email, EMAIL, "email", "an e-mail address");
    }
    tier = Checks.notBlank(tier, "tier").trim().toLowerCase(Locale.ROOT);
    Checks.matches(tier, TIER, "tier", "a lower-case word such as standard, gold or vip");
    notes = notes == null ? "" : notes;
    tags = Set.copyOf(Checks.notNull(tags, "tags"));
    interactions = List.copyOf(Checks.notNull(interactions, "interactions"));
    Checks.notNull(createdAt, "createdAt");
    Checks.notNull(updatedAt, "updatedAt");
    if (version < 0) {
      throw InvalidInputException.of("version", "must not be negative, was %d", version);
    }
  }

  /** Whether an IVR PIN is set. */
  public boolean hasPin() {
    return pinHash != null;
  }

  public boolean hasPhone(PhoneNumber phone) {
    return phones.contains(phone);
  }

  public long callCount() {
    return count(InteractionType.CALL);
  }

  public long ticketCount() {
    return count(InteractionType.TICKET);
  }

  public long messageCount() {
    return count(InteractionType.MESSAGE);
  }

  private long count(InteractionType type) {
    return interactions.stream().filter(i -> i.type() == type).count();
  }

  /** The most recent interaction, if any. */
  public Optional<Interaction> lastInteraction() {
    return interactions.stream().max(Comparator.comparing(Interaction::at));
  }

  public Customer withName(String value, Instant now) {
    return new Customer(id, value, phones, email, preferredLanguage, tier, notes, tags, pinHash, interactions,
        createdAt, now, version);
  }

  public Customer withPhones(List<PhoneNumber> value, Instant now) {
    return new Customer(id, name, value, email, preferredLanguage, tier, notes, tags, pinHash, interactions,
        createdAt, now, version);
  }

  public Customer withEmail(@Nullable String value, Instant now) {
    return new Customer(id, name, phones, value, preferredLanguage, tier, notes, tags, pinHash, interactions,
        createdAt, now, version);
  }

  public Customer withPreferredLanguage(@Nullable Language value, Instant now) {
    return new Customer(id, name, phones, email, value, tier, notes, tags, pinHash, interactions, createdAt, now,
        version);
  }

  public Customer withTier(String value, Instant now) {
    return new Customer(id, name, phones, email, preferredLanguage, value, notes, tags, pinHash, interactions,
        createdAt, now, version);
  }

  public Customer withNotes(String value, Instant now) {
    return new Customer(id, name, phones, email, preferredLanguage, tier, value, tags, pinHash, interactions,
        createdAt, now, version);
  }

  public Customer withTags(Set<String> value, Instant now) {
    return new Customer(id, name, phones, email, preferredLanguage, tier, notes, value, pinHash, interactions,
        createdAt, now, version);
  }

  /** This customer with a PIN hash; {@link CrmService} computes it, applications never need to. */
  public Customer withPinHash(@Nullable String value, Instant now) {
    return new Customer(id, name, phones, email, preferredLanguage, tier, notes, tags, value, interactions,
        createdAt, now, version);
  }

  public Customer withInteraction(Interaction interaction, Instant now) {
    List<Interaction> next = new ArrayList<>(interactions);
    next.add(Checks.notNull(interaction, "interaction"));
    return new Customer(id, name, phones, email, preferredLanguage, tier, notes, tags, pinHash, next, createdAt,
        now, version);
  }

  @Override
  public Customer withVersion(long newVersion) {
    return new Customer(id, name, phones, email, preferredLanguage, tier, notes, tags, pinHash, interactions,
        createdAt, updatedAt, newVersion);
  }

  @Override
  public String key() {
    return id;
  }

  /** Leaves the PIN hash out. */
  @Override
  public String toString() {
    return "Customer[id=" + id + ", name=" + name + ", phones=" + phones + ", email=" + email
        + ", preferredLanguage=" + preferredLanguage + ", tier=" + tier + ", tags=" + tags + ", pin="
        + (pinHash == null ? "none" : "set") + ", interactions=" + interactions.size() + ", version=" + version
        + "]";
  }
}
