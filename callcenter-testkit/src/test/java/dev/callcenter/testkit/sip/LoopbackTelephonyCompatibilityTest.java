package dev.callcenter.testkit.sip;

class LoopbackTelephonyCompatibilityTest extends TelephonyCompatibilityKit {
  @Override
  protected TelephonyDriver createDriver() {
    return TelephonyDriver.loopback();
  }
}
