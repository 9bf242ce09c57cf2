package dev.callcenter.sipjain;

import dev.callcenter.testkit.sip.TelephonyCompatibilityKit;
import dev.callcenter.testkit.sip.TelephonyDriver;

/** The telephony compatibility kit against JAIN-SIP, with callers and agents speaking SIP over UDP. */
class JainSipTelephonyCompatibilityTest extends TelephonyCompatibilityKit {
  @Override
  protected TelephonyDriver createDriver() {
    return new SipPhones();
  }
}
