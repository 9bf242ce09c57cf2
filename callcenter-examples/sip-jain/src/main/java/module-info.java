/**
 * A SIP telephony transport on JAIN-SIP (the NIST reference implementation): UDP and TCP, calls with DTMF by SIP
 * INFO and RFC 4733 telephone-events, prompts streamed as RTP from G.711 WAV files, a registrar with digest
 * authentication, and transfers to registered agents, back to back or (opt-in) by REFER. The stack logs through
 * SLF4J.
 */
module dev.callcenter.sipjain {
  requires transitive dev.callcenter.sip;
  requires jain.sip.ri;
  requires com.github.benmanes.caffeine;
  requires org.slf4j;
  requires static org.jspecify;

  exports dev.callcenter.sipjain;
}
