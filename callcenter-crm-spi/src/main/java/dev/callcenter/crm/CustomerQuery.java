package dev.callcenter.crm;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Which customers to list; every criterion left null matches all.
 *
 * @param text matched case-insensitively against the name, e-mail, phone numbers, notes and id
 * @param tier exact tier
 * @param tag a tag the customer must carry
 */
public record CustomerQuery(@Nullable String text, @Nullable String tier, @Nullable String tag) {
  public static final CustomerQuery ALL = new CustomerQuery(null, null, null);

  public static CustomerQuery containing(@Nullable String text) {
    return new CustomerQuery(text, null, null);
  }

  public CustomerQuery withTier(@Nullable String value) {
    return new CustomerQuery(text, value == null ? null : value.trim().toLowerCase(Locale.ROOT), tag);
  }

  public CustomerQuery withTag(@Nullable String value) {
    return new CustomerQuery(text, tier, value);
  }

  /** Whether {@code customer} matches; the in-memory store's filter and the reference for other stores. */
  public boolean matches(Customer customer) {
    return (tier == null || tier.equals(customer.tier()))
        && (tag == null || customer.tags().contains(tag))
        && (text == null || text.isBlank() || textMatches(customer, text.trim().toLowerCase(Locale.ROOT)));
  }

  private static boolean textMatches(Customer c, String needle) {
    return contains(c.name(), needle) || contains(c.email(), needle) || contains(c.notes(), needle)
        || contains(c.id(), needle) || c.phones().stream().anyMatch(p -> p.e164().contains(needle));
  }

  static boolean contains(@Nullable String haystack, String lowerNeedle) {
    return haystack != null && haystack.toLowerCase(Locale.ROOT).contains(lowerNeedle);
  }
}
