/**
 * The telephony SPI, free of any SIP library: telephony events in, commands out, registrations of extensions and
 * the {@link dev.callcenter.sip.TelephonyBridge} that drives a {@link dev.callcenter.core.CallCenter} and its call
 * flow from them ({@link dev.callcenter.sip.LoopbackTelephony} is an in-memory transport for tests); SIP
 * extensions with their digest credentials; the call history with analytics and streamed exports.
 */
module dev.callcenter.sip {
  requires static org.jspecify;
  requires transitive dev.callcenter.core;

  exports dev.callcenter.sip;
  exports dev.callcenter.sip.extension;
  exports dev.callcenter.sip.history;

  opens dev.callcenter.sip.extension to com.fasterxml.jackson.databind;
}
