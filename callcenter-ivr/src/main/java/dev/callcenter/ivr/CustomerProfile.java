package dev.callcenter.ivr;

import dev.callcenter.core.Language;
import dev.callcenter.core.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * What the IVR needs to know about an identified caller.
 *
 * @param customerId the CRM's id
 * @param preferredLanguage the language the customer chose before, if known
 * @param tier the customer's tier, such as {@code standard}, {@code gold} or {@code vip}
 */
public record CustomerProfile(String customerId, @Nullable Language preferredLanguage, String tier) {
  public CustomerProfile {
    Checks.notBlank(customerId, "customerId");
    Checks.notBlank(tier, "tier");
  }
}
