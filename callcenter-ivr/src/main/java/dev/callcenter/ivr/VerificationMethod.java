package dev.callcenter.ivr;

/** How the VERIFICATION stage checks a caller (DESIGN: "PIN or last digits"). */
public enum VerificationMethod {
  /** The customer's PIN, checked by the {@link PinVerifier}. */
  PIN,
  /**
   * The last digits of one of the customer's registered phone numbers ({@link CustomerProfile#phones()}), as many as
   * {@link FlowDefinition#lastDigits()}.
   */
  LAST_DIGITS
}
