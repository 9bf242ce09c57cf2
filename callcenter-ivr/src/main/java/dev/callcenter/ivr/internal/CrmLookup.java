package dev.callcenter.ivr.internal;

import dev.callcenter.core.PhoneNumber;
import dev.callcenter.crm.CrmService;
import dev.callcenter.crm.Customer;
import dev.callcenter.crm.CustomerDirectory;
import dev.callcenter.ivr.CustomerLookup;
import dev.callcenter.ivr.CustomerProfile;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The CRM module's directory (and, with a {@link CrmService}, its customer ids) behind {@link CustomerLookup}. */
public final class CrmLookup implements CustomerLookup {
  private final CustomerDirectory directory;
  private final @Nullable CrmService crm;

  public CrmLookup(CustomerDirectory directory, @Nullable CrmService crm) {
    this.directory = directory;
    this.crm = crm;
  }

  @Override
  public Optional<CustomerProfile> byPhone(PhoneNumber phone) {
    return directory.lookupByPhone(phone).map(CrmLookup::profile);
  }

  @Override
  public Optional<CustomerProfile> byCustomerNumber(String customerNumber) {
    if (crm == null || customerNumber.isBlank()) {
      return Optional.empty();
    }
    return crm.customers().find(customerNumber).map(CrmLookup::profile);
  }

  private static CustomerProfile profile(Customer c) {
    return new CustomerProfile(c.id(), c.preferredLanguage(), c.tier(), c.phones());
  }
}
