package dev.callcenter.core;

import org.jspecify.annotations.Nullable;

/**
 * Who is calling, as far as the call knows. Every field may be unknown.
 *
 * @param customerId the CRM's id of the customer once identified
 */
public record CustomerInfo(
    @Nullable String name, @Nullable PhoneNumber phone, @Nullable String email, @Nullable String customerId) {
  public static final CustomerInfo UNKNOWN = new CustomerInfo(null, null, null, null);

  public CustomerInfo withCustomerId(@Nullable String id) {
    return new CustomerInfo(name, phone, email, id);
  }
}
