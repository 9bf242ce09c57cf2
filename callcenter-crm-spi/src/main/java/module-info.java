/**
 * The CRM contract: customers (with a cached lookup by phone and a hashed IVR PIN), tickets with a legal
 * lifecycle and SLA, transcripts with sentiment, summary and keywords, the SPI a team implements for its own CRM,
 * in-memory references, and tickets created automatically from call-center events.
 */
module dev.callcenter.crm {
  requires static org.jspecify;
  requires transitive dev.callcenter.core;
  requires transitive dev.callcenter.rules;
  requires com.github.benmanes.caffeine;

  exports dev.callcenter.crm;

  opens dev.callcenter.crm to com.fasterxml.jackson.databind;

}
