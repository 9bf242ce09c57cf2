/**
 * SIP telephony behind an SPI, SIP extensions with their digest credentials, and the call history with
 * analytics and streamed exports.
 */
module dev.callcenter.sip {
  requires static org.jspecify;
  requires transitive dev.callcenter.core;

  exports dev.callcenter.sip.extension;
  exports dev.callcenter.sip.history;

  opens dev.callcenter.sip.extension to com.fasterxml.jackson.databind;
}
