package dev.callcenter.ivr;

import dev.callcenter.core.Language;
import dev.callcenter.core.PhoneNumber;
import dev.callcenter.core.internal.Checks;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the IVR needs to know about an identified caller.
 *
 * @param customerId the CRM's id
 * @param preferredLanguage the language the customer chose before, if known
 * @param tier the customer's tier, such as {@code standard}, {@code gold} or {@code vip}
 * @param phones the customer's registered phone numbers, for verification by their last digits; never spoken or
 *     stored in the call
 */
public record CustomerProfile(String customerId, @Nullable Language preferredLanguage, String tier,
    List<PhoneNumber> phones) {
  public CustomerProfile {
    Checks.notBlank(customerId, "customerId");
    Checks.notBlank(tier, "tier");
    phones = List.copyOf(Checks.notNull(phones, "phones"));
  }

  /** A profile without registered phone numbers (verification by last digits then always fails). */
  public CustomerProfile(String customerId, @Nullable Language preferredLanguage, String tier) {
    this(customerId, preferredLanguage, tier, List.of());
  }
}
