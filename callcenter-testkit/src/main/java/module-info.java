/** Compatibility kits, test doubles and assertions for the call-center SDK's SPIs. */
module dev.callcenter.testkit {
  requires transitive dev.callcenter.core;
  requires transitive dev.callcenter.sip;
  requires transitive org.junit.jupiter.api;
  requires transitive org.assertj.core;
  requires static org.jspecify;

  exports dev.callcenter.testkit.sip;
}
