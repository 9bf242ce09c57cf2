package dev.callcenter.sipjain;

import dev.callcenter.core.CallCenter;
import dev.callcenter.core.flow.FlowAction;
import dev.callcenter.sip.ChannelId;
import dev.callcenter.sip.DigestCredentialSource;
import dev.callcenter.sip.Telephony;
import dev.callcenter.sip.TelephonyBridge;
import dev.callcenter.sip.TelephonyEvent;
import dev.callcenter.sip.TelephonyListener;
import dev.callcenter.testkit.LoopbackPorts;
import dev.callcenter.testkit.sip.DtmfMenuFlow;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * A JAIN-SIP telephony on a free loopback port, a call center with the DTMF menu, and the bridge between them; the
 * telephony's events, as the bridge got them, are in {@link #events}.
 */
final class SipServer implements AutoCloseable {
  static final String REALM = "callcenter.test";
  /** Extension 1001's password; only its HA1 values are handed to the registrar. */
  static final String PASSWORD_1001 = "Corr3ct-Horse-1001";
  static final String PASSWORD_1002 = "Corr3ct-Horse-1002";

  final int port = LoopbackPorts.free();
  final JainSipTelephony sip;
  final CallCenter center;
  final TelephonyBridge bridge;
  final List<TelephonyEvent> events = new CopyOnWriteArrayList<>();

  SipServer() {
    this(b -> b);
  }

  SipServer(UnaryOperator<JainSipTelephony.Builder> settings) {
    sip = settings.apply(JainSipTelephony.builder().host("127.0.0.1").port(port).realm(REALM)
        .credentials(credentials())).build();
    center = CallCenter.builder()
        .callFlow(new DtmfMenuFlow(Clock.systemUTC(), Duration.ofSeconds(20), Duration.ofSeconds(5))).build();
    bridge = TelephonyBridge.builder().callCenter(center).telephony(new Recorded()).build().start();
  }

  /** The telephony, recording each event before the bridge handles it. */
  private final class Recorded implements Telephony {
    @Override
    public void start(TelephonyListener listener) {
      sip.start(event -> {
        events.add(event);
        listener.onEvent(event);
      });
    }

    @Override
    public void answer(ChannelId channel) {
      sip.answer(channel);
    }

    @Override
    public void playPrompt(ChannelId channel, FlowAction.PlayPrompt prompt) {
      sip.playPrompt(channel, prompt);
    }

    @Override
    public void transfer(ChannelId channel, String target) {
      sip.transfer(channel, target);
    }

    @Override
    public void hangUp(ChannelId channel) {
      sip.hangUp(channel);
    }

    @Override
    public void close() {
      sip.close();
    }
  }

  static DigestCredentialSource credentials() {
    Map<String, String> passwords = Map.of("1001", PASSWORD_1001, "1002", PASSWORD_1002);
    return (user, realm, algorithm) -> Optional.ofNullable(passwords.get(user))
        .map(password -> DigestChallenges.ha1(algorithm, user, realm, password));
  }

  String target() {
    return "127.0.0.1:" + port;
  }

  @Override
  public void close() {
    bridge.close();
    sip.close();
  }
}
