package dev.callcenter.ivr;

import java.util.Map;
import java.util.Objects;

/**
 * Checks a PIN for the VERIFICATION stage. Adapt a CRM here (the CRM module's {@code verifyPin}, which keeps PINs
 * only hashed). The IVR never logs, stores or returns the PIN it passes in.
 */
@FunctionalInterface
public interface PinVerifier {
  /** Whether {@code pin} is the PIN of {@code customerId}. */
  boolean verify(String customerId, String pin);

  /**
   * The CRM module's check against its hashed PINs (with its own lockout after repeated failures). Note that the
   * runtime may run a step twice when two writers race on the call, which a lockout counts twice.
   */
  static PinVerifier fromCrm(dev.callcenter.crm.CustomerDirectory directory) {
    dev.callcenter.core.internal.Checks.notNull(directory, "directory");
    return directory::verifyPin;
  }

  /** Rejects every PIN: callers who must verify are sent to reception. */
  static PinVerifier rejectAll() {
    return (customerId, pin) -> false;
  }

  /**
   * Checks against a fixed map of customer id to PIN (tests and demos only: a real verifier compares hashes).
   */
  static PinVerifier of(Map<String, String> pinsByCustomer) {
    Map<String, String> pins = Map.copyOf(pinsByCustomer);
    return (customerId, pin) -> java.security.MessageDigest.isEqual(
        Objects.requireNonNullElse(pins.get(customerId), "\u0000").getBytes(java.nio.charset.StandardCharsets.UTF_8),
        pin.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
