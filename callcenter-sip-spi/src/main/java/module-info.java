/**
 * The telephony SPI, free of any SIP library: telephony events in, commands out, registrations of extensions,
 * the digest credentials they authenticate with, and the {@link dev.callcenter.sip.TelephonyBridge} that drives a
 * {@link dev.callcenter.core.CallCenter} and its call flow from them. {@link dev.callcenter.sip.LoopbackTelephony}
 * is an in-memory transport for tests.
 */
module dev.callcenter.sip {
  requires transitive dev.callcenter.core;
  requires static org.jspecify;

  exports dev.callcenter.sip;
}
