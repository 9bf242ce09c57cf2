package dev.callcenter.crm.layeringfixture;

/** A deliberate layering violation (crm using sip), for {@code LayeringRulesCatchViolationsTest} only. */
public final class ReachesIntoSip {
  private ReachesIntoSip() {}

  public static Object extension() {
    return dev.callcenter.sip.layeringfixture.SipExtension.create(); // a call: constants would be inlined by javac
  }
}
