/**
 * Call-center rules: the keyword router (Arabic/English normalisation fused into an automaton scan), the JSON
 * rules engine with explanations, and the lexicon sentiment scorer.
 */
module dev.callcenter.rules {
  requires static org.jspecify;
  requires transitive dev.callcenter.core;
  requires com.fasterxml.jackson.databind;

  exports dev.callcenter.rules;
}
