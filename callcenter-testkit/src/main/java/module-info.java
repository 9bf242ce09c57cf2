/**
 * Test kit for the call-center SDK: compatibility kits (abstract JUnit 5 classes) for every SPI, test doubles and
 * AssertJ assertions, for teams writing their own adapters and for tests of applications built on the SDK.
 */
module dev.callcenter.testkit {
  requires static org.jspecify;
  requires transitive dev.callcenter.core;
  requires transitive org.junit.jupiter.api;
  requires transitive org.assertj.core;
  requires transitive dev.callcenter.crm;
  requires transitive dev.callcenter.sip;

  exports dev.callcenter.testkit;
  exports dev.callcenter.testkit.crm;
  exports dev.callcenter.testkit.extension;
  exports dev.callcenter.testkit.sip;
  exports dev.callcenter.testkit.store;
}
