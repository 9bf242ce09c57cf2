package dev.callcenter.crm;

import dev.callcenter.core.PhoneNumber;
import java.util.Optional;

/** What the IVR needs from the CRM: identify a caller and check their PIN. */
public interface CustomerDirectory {
  /** The customer with this phone number, if any. */
  Optional<Customer> lookupByPhone(PhoneNumber phone);

  /**
   * Whether {@code pin} is the customer's IVR PIN. False for an unknown customer, a customer without a PIN, or a
   * malformed PIN; never an exception for bad input, never a hint which of these it was.
   */
  boolean verifyPin(String customerId, String pin);
}
