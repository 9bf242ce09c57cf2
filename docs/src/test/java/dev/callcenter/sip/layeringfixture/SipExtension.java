package dev.callcenter.sip.layeringfixture;

/** Stands in for a class of callcenter-sip-spi in {@code LayeringRulesCatchViolationsTest}. */
public final class SipExtension {
  public static final String CODE = "1001";

  private SipExtension() {}

  public static SipExtension create() {
    return new SipExtension();
  }
}
