package dev.callcenter.sipjain;

import static dev.callcenter.sipjain.ReferringCaller.ALLOW_WITH_REFER;
import static dev.callcenter.sipjain.ReferringCaller.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.callcenter.core.Agent;
import dev.callcenter.core.AgentStatus;
import dev.callcenter.core.CallId;
import dev.callcenter.core.CallStatus;
import dev.callcenter.core.Department;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.NewAgent;
import dev.callcenter.core.event.EventType;
import dev.callcenter.sip.ChannelId;
import dev.callcenter.sip.Party;
import dev.callcenter.sip.Registration;
import dev.callcenter.sip.TelephonyEvent;
import dev.callcenter.sipjain.ReferringCaller.OnRefer;
import dev.callcenter.testkit.ExternalProcess.Result;
import dev.callcenter.testkit.LoopbackPorts;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Transfers by REFER (RFC 3515) with {@code referTransfers(true)}: a caller that lists REFER in Allow is referred to
 * the registered agent (a SIPp UAS registered with digest) and calls it itself; every way a REFER can fail falls
 * back to the back-to-back transfer. The caller is {@link ReferringCaller}, hand-written SIP over UDP; it keys 1 in
 * the DTMF menu to queue, and the test connects it to the agent as an ACD would.
 */
@Timeout(120)
class ReferTransferTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private final List<CallId> calls = new CopyOnWriteArrayList<>();
  private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  @Test
  void aCallerThatSupportsReferCallsTheAgentItselfAndTheCallEndsHandedOff() {
    SipServer server = server(b -> b.referTransfers(true));
    Sipp sipp = new Sipp(server);
    int agentPort = LoopbackPorts.free();
    Sipp.Running agentUas = sipp.start(sipp.uas("agent_referred.xml", agentPort, "udp", "1001"));
    register(sipp, server, "1001", SipServer.PASSWORD_1001, agentPort);
    Agent agent = availableAgent(server, "1001");
    ReferringCaller caller = caller(server, ALLOW_WITH_REFER, OnRefer.CALL_TARGET);

    CallId call = queue(server, caller);
    server.center.connect(call, agent.id());

    caller.await("the server's BYE after the hand-off", () -> !caller.requestsFromServer("BYE").isEmpty());
    String refer = caller.requestsFromServer("REFER").get(0);
    String contact = server.sip.registrations().findFirst("1001").orElseThrow().contact();
    assertThat(header(refer, "Refer-To")).isEqualToIgnoringCase("<" + contact + ">");
    assertThat(header(refer, "Referred-By")).isEqualTo("<sip:callcenter@127.0.0.1:" + server.port + ">");
    assertThat(header(refer, "To")).contains(";tag="); // in the caller's dialog
    assertThat(caller.calledTarget()).isTrue();
    assertThat(caller.responsesTo("NOTIFY")).as("100 Trying, then 200 OK").hasSize(2)
        .allMatch(r -> r.startsWith("SIP/2.0 200"));
    await("the call completed").atMost(WAIT).until(() -> status(server, call) == CallStatus.COMPLETED);
    assertThat(transferEvents(server)).containsExactly(
        new TelephonyEvent.TransferCompleted(caller.channel(), "1001"),
        new TelephonyEvent.HungUp(caller.channel(), Party.TRANSPORT));
    assertThat(server.center.getCall(call).agentId()).isEqualTo(agent.id());
    assertThat(server.center.getAgent(agent.id()).status()).as("released at the hand-off")
        .isEqualTo(AgentStatus.AVAILABLE);
    assertThat(caller.requestsFromServer("INVITE")).as("no re-INVITE: the media is the caller's and the agent's")
        .isEmpty();
    assertThat(server.bridge.channels()).isEmpty();

    caller.hangUpOnTarget();
    Result agentResult = agentUas.finish(Duration.ofSeconds(30));
    assertThat(agentResult.exitCode()).as(agentResult.output()).isZero();
  }

  /** Each way the REFER is not used or does not work; the agent's scenario checks the INVITE is the server's. */
  enum Fallback {
    CALLER_WITHOUT_REFER_IN_ALLOW(true, null, OnRefer.CALL_TARGET, false),
    REFER_ANSWERED_501(true, ALLOW_WITH_REFER, OnRefer.REFUSE, true),
    TARGET_BUSY_486_IN_THE_FINAL_NOTIFY(true, ALLOW_WITH_REFER, OnRefer.REPORT_BUSY, true),
    NO_FINAL_NOTIFY_WITHIN_THE_TIMEOUT(true, ALLOW_WITH_REFER, OnRefer.STALL, true),
    REFER_TRANSFERS_OFF(false, ALLOW_WITH_REFER, OnRefer.CALL_TARGET, false);

    final boolean referTransfers;
    final @Nullable String allow;
    final OnRefer onRefer;
    final boolean referred;

    Fallback(boolean referTransfers, @Nullable String allow, OnRefer onRefer, boolean referred) {
      this.referTransfers = referTransfers;
      this.allow = allow;
      this.onRefer = onRefer;
      this.referred = referred;
    }
  }

  @ParameterizedTest
  @EnumSource(Fallback.class)
  void otherwiseTheCallerIsBridgedBackToBack(Fallback fallback) {
    SipServer server = server(b -> b.referTransfers(fallback.referTransfers).referTimeout(Duration.ofSeconds(2)));
    Sipp sipp = new Sipp(server);
    int agentPort = LoopbackPorts.free();
    Sipp.Running agentUas = sipp.start(sipp.uas("agent_bridged.xml", agentPort, "udp", "1001"));
    register(sipp, server, "1001", SipServer.PASSWORD_1001, agentPort);
    Agent agent = availableAgent(server, "1001");
    ReferringCaller caller = caller(server, fallback.allow, fallback.onRefer);

    CallId call = queue(server, caller);
    server.center.connect(call, agent.id());

    caller.await("the re-INVITE with the agent's media", () -> !caller.requestsFromServer("INVITE").isEmpty());
    assertThat(caller.requestsFromServer("INVITE").get(0)).containsPattern("\r\nm=audio \\d+ RTP/AVP 0\r\n");
    assertThat(caller.requestsFromServer("REFER")).hasSize(fallback.referred ? 1 : 0);
    assertThat(caller.calledTarget()).isFalse();
    assertThat(transferEvents(server)).containsExactly(new TelephonyEvent.TransferCompleted(caller.channel(), "1001"));
    assertThat(status(server, call)).isEqualTo(CallStatus.IN_PROGRESS);

    caller.hangUp();
    Result agentResult = agentUas.finish(Duration.ofSeconds(30));
    assertThat(agentResult.exitCode()).as(agentResult.output()).isZero();
    await("the call completed").atMost(WAIT).until(() -> status(server, call) == CallStatus.COMPLETED);
    assertThat(transferEvents(server)).endsWith(new TelephonyEvent.HungUp(caller.channel(), Party.CALLER));
  }

  /** How a call ends while its REFER is under way. */
  enum EndedWhileReferring { CALLER_HANGS_UP, CALL_CENTER_ENDS_IT, TELEPHONY_CLOSES }

  @ParameterizedTest
  @EnumSource(EndedWhileReferring.class)
  void aCallEndedWhileItsReferIsUnderWayEndsCleanlyWithoutFallingBack(EndedWhileReferring how) throws Exception {
    SipServer server = server(b -> b.referTransfers(true).referTimeout(Duration.ofSeconds(1)));
    DatagramSocket agentPhone = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    open.add(agentPhone);
    server.sip.registrations().register(new Registration("1001",
        "sip:1001@127.0.0.1:" + agentPhone.getLocalPort() + ";transport=udp", Instant.now().plusSeconds(600)));
    Agent agent = availableAgent(server, "1001");
    ReferringCaller caller = caller(server, ALLOW_WITH_REFER, OnRefer.STALL);
    CallId call = queue(server, caller);
    server.center.connect(call, agent.id());
    caller.await("the 200 to NOTIFY 100 Trying", () -> caller.responsesTo("NOTIFY").size() == 1);

    switch (how) {
      case CALLER_HANGS_UP -> caller.hangUp();
      case CALL_CENTER_ENDS_IT -> server.center.end(call);
      case TELEPHONY_CLOSES -> server.sip.close();
    }

    if (how != EndedWhileReferring.CALLER_HANGS_UP) {
      caller.await("the server's BYE", () -> !caller.requestsFromServer("BYE").isEmpty());
    }
    Party by = how == EndedWhileReferring.CALLER_HANGS_UP ? Party.CALLER : Party.TRANSPORT;
    await("the hang-up").atMost(WAIT)
        .until(() -> transferEvents(server).contains(new TelephonyEvent.HungUp(caller.channel(), by)));
    await("the call completed").atMost(WAIT).until(() -> status(server, call) == CallStatus.COMPLETED);
    if (how != EndedWhileReferring.TELEPHONY_CLOSES) {
      String lateNotify = caller.request("NOTIFY", "Event: refer\r\nSubscription-State: terminated\r\n"
          + "Content-Type: message/sipfrag\r\n", "SIP/2.0 200 OK\r\n");
      assertThat(lateNotify).startsWith("SIP/2.0 481");
    }
    agentPhone.setSoTimeout(2500); // past the REFER's 1 s timeout: no fallback INVITE reaches the agent
    assertThatThrownBy(() -> agentPhone.receive(new DatagramPacket(new byte[2048], 2048)))
        .isInstanceOf(SocketTimeoutException.class);
    assertThat(transferEvents(server)).containsExactly(new TelephonyEvent.HungUp(caller.channel(), by));
  }

  @Test
  void aNotifyOutsideAReferOfOursIsAnswered481AndAnIncomingReferStays405() {
    SipServer server = server(b -> b.referTransfers(true));
    ReferringCaller caller = caller(server, ALLOW_WITH_REFER, OnRefer.CALL_TARGET);
    caller.call();

    String notify = caller.request("NOTIFY", "Event: refer\r\nSubscription-State: active;expires=60\r\n"
        + "Content-Type: message/sipfrag\r\n", "SIP/2.0 200 OK\r\n");
    String refer = caller.request("REFER", "Refer-To: <sip:1002@127.0.0.1>\r\n", "");

    assertThat(notify).startsWith("SIP/2.0 481");
    assertThat(refer).startsWith("SIP/2.0 405").containsPattern("(?m)^Allow: ").doesNotContainPattern(
        "(?m)^Allow:[^\r\n]*(REFER|NOTIFY)");
    caller.press('1'); // the call goes on
    await("the call queued").atMost(WAIT).until(() -> status(server, calls.get(0)) == CallStatus.IN_QUEUE);
  }

  @Test
  void theReferSettingsAreCheckedAndSetOnce() {
    assertThat(JainSipTelephony.Builder.DEFAULT_REFER_TRANSFERS).isFalse();
    assertThat(JainSipTelephony.Builder.DEFAULT_REFER_TIMEOUT).isEqualTo(Duration.ofSeconds(32));
    for (Duration bad : new Duration[] {null, Duration.ZERO, Duration.ofSeconds(-1)}) {
      assertThatThrownBy(() -> JainSipTelephony.builder().referTimeout(bad))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("referTimeout");
    }
    assertThatThrownBy(() -> JainSipTelephony.builder().referTransfers(true).referTransfers(false))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("referTransfers");
    assertThatThrownBy(() -> JainSipTelephony.builder().referTimeout(Duration.ofSeconds(5))
        .referTimeout(Duration.ofSeconds(6)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("referTimeout");
  }

  // ---- helpers ----------------------------------------------------------------------------------------------

  private SipServer server(UnaryOperator<JainSipTelephony.Builder> settings) {
    // SIPp 3.6 answers only MD5, and only the first challenge
    SipServer server = new SipServer(b -> settings.apply(b.digestAlgorithms("MD5", "SHA-256")));
    open.add(server);
    server.center.subscribe(event -> {
      if (event.type() == EventType.CALL_NEW) {
        calls.add(CallId.of(event.subject()));
      }
    });
    return server;
  }

  private ReferringCaller caller(SipServer server, @Nullable String allow, OnRefer onRefer) {
    ReferringCaller caller = new ReferringCaller(server.port, allow, onRefer);
    open.add(caller);
    return caller;
  }

  /** The caller calls, keys 1 (sales), and waits in the queue. */
  private CallId queue(SipServer server, ReferringCaller caller) {
    caller.call();
    caller.press('1');
    await("the call queued").atMost(WAIT)
        .until(() -> calls.size() == 1 && status(server, calls.get(0)) == CallStatus.IN_QUEUE);
    return calls.get(0);
  }

  private static void register(Sipp sipp, SipServer server, String extension, String password, int agentPort) {
    Result result = sipp.run(sipp.command("agent_register.xml", "udp", 1, "-key", "extension", extension,
        "-key", "agent_port", String.valueOf(agentPort), "-au", extension, "-ap", password), Duration.ofSeconds(75));
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(server.sip.registrations().findFirst(extension)).isPresent();
  }

  private static Agent availableAgent(SipServer server, String extension) {
    Agent agent = server.center.addAgent(new NewAgent(null, "Agent " + extension, null, extension,
        Department.SALES, Map.of()));
    return server.center.setAgentStatus(agent.id(), AgentStatus.AVAILABLE);
  }

  private static List<TelephonyEvent> transferEvents(SipServer server) {
    return server.events.stream().filter(e -> e instanceof TelephonyEvent.TransferCompleted
        || e instanceof TelephonyEvent.TransferFailed || e instanceof TelephonyEvent.HungUp).toList();
  }

  private static CallStatus status(SipServer server, CallId id) {
    return server.center.getCall(id).status();
  }
}
