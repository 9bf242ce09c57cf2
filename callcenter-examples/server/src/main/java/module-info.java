/**
 * The example server: the call-center SDK behind a REST and WebSocket API, started with {@code java -jar}.
 */
module dev.callcenter.server {
  requires static org.jspecify;
  requires dev.callcenter.core;
  requires dev.callcenter.crm;
  requires dev.callcenter.rules;
  requires dev.callcenter.sip;
  requires dev.callcenter.jdbc;
  requires dev.callcenter.ivr;
  requires dev.callcenter.nats;
  requires dev.callcenter.sipjain;
  requires io.javalin;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.datatype.jsr310;
  requires com.github.benmanes.caffeine;
  requires org.slf4j;

  exports dev.callcenter.server;

  opens dev.callcenter.server to com.fasterxml.jackson.databind;
}
