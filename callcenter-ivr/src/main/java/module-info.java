/**
 * The nine-stage IVR: a pure call flow for a {@link dev.callcenter.core.CallCenter}, flow definitions from JSON or a
 * builder, the bilingual prompt catalogue, language detection and input validation.
 */
module dev.callcenter.ivr {
  requires transitive dev.callcenter.core;
  requires transitive dev.callcenter.rules;
  requires transitive dev.callcenter.crm;
  requires static org.jspecify;

  exports dev.callcenter.ivr;
}
