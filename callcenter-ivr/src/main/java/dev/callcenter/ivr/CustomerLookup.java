package dev.callcenter.ivr;

import dev.callcenter.core.PhoneNumber;
import java.util.Map;
import java.util.Optional;

/**
 * Finds callers in a CRM for the IDENTIFICATION stage. Adapt a CRM here (the CRM module's {@code CrmService}
 * {@code lookupByPhone}). Called while a step is computed, so it must answer quickly (cache) and the same way for
 * the same question; it may be called again for the same input when the runtime retries a step.
 */
public interface CustomerLookup {
  /** The customer with this phone number. */
  Optional<CustomerProfile> byPhone(PhoneNumber phone);

  /** The customer with this customer number, as keyed by the caller. */
  Optional<CustomerProfile> byCustomerNumber(String customerNumber);

  /**
   * The CRM module's service: callers by phone (its cached lookup) and by customer id. Its customers' preferred
   * language and tier reach the IVR; nothing else does.
   */
  static CustomerLookup fromCrm(dev.callcenter.crm.CrmService crm) {
    dev.callcenter.core.internal.Checks.notNull(crm, "crm");
    return new dev.callcenter.ivr.internal.CrmLookup(crm, crm);
  }

  /** Any CRM directory (lookup by phone only; customer numbers keyed by callers are not found). */
  static CustomerLookup fromDirectory(dev.callcenter.crm.CustomerDirectory directory) {
    dev.callcenter.core.internal.Checks.notNull(directory, "directory");
    return new dev.callcenter.ivr.internal.CrmLookup(directory, null);
  }

  /** Nobody is ever found: every caller stays anonymous. */
  static CustomerLookup none() {
    return of(Map.of());
  }

  /** A fixed directory keyed by E.164 phone number and by customer id (for tests and demos). */
  static CustomerLookup of(Map<PhoneNumber, CustomerProfile> byPhone) {
    Map<PhoneNumber, CustomerProfile> phones = Map.copyOf(byPhone);
    return new CustomerLookup() {
      @Override
      public Optional<CustomerProfile> byPhone(PhoneNumber phone) {
        return Optional.ofNullable(phones.get(phone));
      }

      @Override
      public Optional<CustomerProfile> byCustomerNumber(String customerNumber) {
        return phones.values().stream().filter(p -> p.customerId().equals(customerNumber)).findFirst();
      }
    };
  }
}
