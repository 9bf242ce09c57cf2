package dev.callcenter.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callcenter.core.AgentId;
import dev.callcenter.core.AgentStatus;
import dev.callcenter.core.Call;
import dev.callcenter.core.CallStatus;
import dev.callcenter.core.Department;
import dev.callcenter.core.acd.RoutingState;
import dev.callcenter.core.event.Event;
import dev.callcenter.core.event.EventType;
import dev.callcenter.core.store.CallQuery;
import dev.callcenter.core.store.PageRequest;
import dev.callcenter.testkit.ExternalProcess.Result;
import dev.callcenter.testkit.ExternalProcess;
import dev.callcenter.testkit.ExternalTool;
import dev.callcenter.testkit.LoopbackPorts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example server on SIP, end to end with SIPp on loopback, through its real nine-stage IVR and ACD: the sample
 * customer +966501112233 calls (known by caller id: Arabic, straight to the main menu), walks the IVR by SIP INFO or
 * by RFC 2833 telephone-events, waits in the queue, and is transferred to a SIPp agent that registered its
 * extension with digest authentication, once the agent accepts the call the ACD offers it; a caller that gives up
 * while the server lets it ring CANCELs. Skipped without {@code sipp} unless CI=true.
 */
@Timeout(150)
class ServerSipTest {
  private static final String ADMIN = "sip-test-admin-token-0123456";
  private static final Duration WAIT = Duration.ofSeconds(40);
  private static final String PASSWORD = "Agent-Layla-Reception-s3cret";
  private static final String COMPLAINTS_PASSWORD = "Agent-Sara-Complaints-s3cret";
  /** The order number the complaints walks key, as in their scenarios: not sorted, so a reordering shows. */
  private static final String ORDER = "7051938";
  private static final AgentId SARA = AgentId.of("agent-complaints");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dataDir;
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<Process> processes = new ArrayList<>();
  private String sipp = "sipp";
  private int sipPort;
  private String base = "";

  @AfterEach
  void stopSipp() {
    processes.forEach(Process::destroyForcibly);
  }

  @Test
  void aSippCallerWalksTheIvrByInfoAndIsTransferredToTheRegisteredAgentThatAcceptedTheOffer() throws Exception {
    try (CallCenterServer server = start(settings())) {
      assertThat(server.sipPort()).contains(sipPort);
      assertThat(send("GET", base + "/health", null).get("modules").toString()).contains("sip-jain");
      setPassword("1001", "agent-reception", "Layla Haddad", PASSWORD);
      int agentPort = LoopbackPorts.free();
      Process agent = startAgent("agent_hangs_up.xml", "1001", agentPort);
      Result wrong = ExternalProcess.run(client("agent_register.xml", "-key", "extension", "1001",
          "-key", "agent_port", String.valueOf(agentPort), "-au", "1001", "-ap", "wrong-Passw0rd-of-Layla"),
          dataDir.resolve("wrong.log"), Duration.ofSeconds(20));
      assertThat(wrong.exitCode()).as("a wrong password is refused: " + wrong.output()).isNotZero();
      register("1001", agentPort, PASSWORD);

      Path callerLog = dataDir.resolve("caller.log");
      Process caller = start(client("server_caller_walks_ivr.xml"), callerLog);
      Call queued = awaitQueued(server, callerLog);
      assertThat(queued.department()).as(() -> history(server, queued)).isEqualTo(Department.RECEPTION);
      assertThat(queued.customer().customerId()).isEqualTo("cust-1001"); // known by caller id

      JsonNode answered = offerAndAccept("agent-reception", queued);
      assertThat(answered.get("status").asText()).isEqualTo("IN_PROGRESS");

      Result agentResult = ExternalProcess.finish(agent, dataDir.resolve("agent.log"), Duration.ofSeconds(40));
      Result callerResult = ExternalProcess.finish(caller, callerLog, Duration.ofSeconds(40));
      assertThat(agentResult.exitCode()).as(agentResult.output()).isZero();
      assertThat(callerResult.exitCode()).as(callerResult.output()).isZero();
      await("the call completed").atMost(WAIT)
          .until(() -> server.callCenter().getCall(queued.id()).status() == CallStatus.COMPLETED);
      await("the agent free again").atMost(WAIT)
          .until(() -> server.callCenter().getAgent(AgentId.of("agent-reception")).status() == AgentStatus.AVAILABLE);
    }
  }

  /**
   * The complaints form asks for the order number by digits or text, ended by '#'. Each key comes in its own INFO;
   * the IVR must get them as one answer, in order (taken one at a time, the first key alone would be a wrong order
   * number and the call would fall back to reception after the retries).
   */
  @Test
  void aCallerKeysAnOrderNumberOneInfoPerKeyAndTheIvrCollectsItWholeForTheAgent() throws Exception {
    try (CallCenterServer server = start(settings())) {
      setPassword("1003", "agent-complaints", "Sara Nasser", COMPLAINTS_PASSWORD);
      int agentPort = LoopbackPorts.free();
      Process agent = startAgent("agent_hangs_up.xml", "1003", agentPort);
      register("1003", agentPort, COMPLAINTS_PASSWORD);

      Path callerLog = dataDir.resolve("caller.log");
      Process caller = start(client("server_caller_keys_order_by_info.xml"), callerLog);
      Call queued = awaitQueued(server, callerLog);
      assertCollectedTheOrder(server, queued);

      JsonNode answered = offerAndAccept("agent-complaints", queued);
      assertThat(answered.get("status").asText()).isEqualTo("IN_PROGRESS");
      assertThat(answered.at("/collectedData/order_number").asText()).as("what the agent is handed")
          .isEqualTo(ORDER);

      Result agentResult = ExternalProcess.finish(agent, dataDir.resolve("agent.log"), Duration.ofSeconds(40));
      Result callerResult = ExternalProcess.finish(caller, callerLog, Duration.ofSeconds(40));
      assertThat(agentResult.exitCode()).as(agentResult.output()).isZero();
      assertThat(callerResult.exitCode()).as("the agent's BYE reached the caller: " + callerResult.output())
          .isZero();
      await("the call completed").atMost(WAIT)
          .until(() -> server.callCenter().getCall(queued.id()).status() == CallStatus.COMPLETED);
      assertThat(server.callCenter().getCall(queued.id()).collectedData()).containsEntry("order_number", ORDER);
    }
  }

  /**
   * The same walk by RFC 2833 telephone-events from SIPp's pcaps; this time the caller hangs up on the agent: the
   * agent's SIPp must get the BYE, the call completes, and the agent is free for the next call.
   */
  @Test
  void aCallerKeysTheOrderNumberByRfc2833AndHangingUpOnTheAgentEndsBothLegs() throws Exception {
    try (CallCenterServer server = start(settings())) {
      Call call = walkByRfc2833ToSaraAndHangUp(server);
      assertThat(names(routingStates(server, SARA))).as("offered, on the call, free")
          .endsWith("reserved", "busy", "available");
      assertThat(server.callCenter().getAgent(SARA).status()).isEqualTo(AgentStatus.AVAILABLE);
      assertThat(server.callCenter().getCall(call.id()).agentId()).isEqualTo(SARA);
    }
  }

  /**
   * With wrap-up time the agent whose caller hung up wraps up before it is offered a call again, as it does when the
   * call is ended through the API: the bridge's {@code CallCenter.end} completes the call through the ACD.
   */
  @Test
  void anAgentWhoseCallerHungUpWrapsUpBeforeItIsFreeAgain() throws Exception {
    Duration wrapUp = Duration.ofSeconds(2);
    try (CallCenterServer server = start(settings().withWrapUp(wrapUp))) {
      Call call = walkByRfc2833ToSaraAndHangUp(server);
      List<Event> moves = routingStates(server, SARA);
      assertThat(names(moves)).as("offered, on the call, wrap-up, free")
          .endsWith("reserved", "busy", "wrap_up", "available");
      Event wrapping = moves.get(moves.size() - 2);
      assertThat(wrapping.data().get("callId")).isEqualTo(call.id().value());
      assertThat(Duration.between(wrapping.timestamp(), moves.get(moves.size() - 1).timestamp()))
          .as("free after its wrap-up").isGreaterThanOrEqualTo(wrapUp);
    }
  }

  /**
   * The RFC 2833 walk to agent-complaints (extension 1003, a SIPp UAS that waits for the BYE), accepted through the
   * API; the caller hangs up once it has the agent's media. Returns the completed call once the agent is free.
   */
  private Call walkByRfc2833ToSaraAndHangUp(CallCenterServer server) {
    setPassword("1003", "agent-complaints", "Sara Nasser", COMPLAINTS_PASSWORD);
    int agentPort = LoopbackPorts.free();
    Process agent = startAgent("agent_waits.xml", "1003", agentPort);
    register("1003", agentPort, COMPLAINTS_PASSWORD);

    Path callerLog = dataDir.resolve("caller.log");
    Process caller = start(client("server_caller_keys_order_by_rfc2833.xml"), callerLog);
    Call queued = awaitQueued(server, callerLog);
    assertCollectedTheOrder(server, queued);

    JsonNode answered = offerAndAccept("agent-complaints", queued);
    assertThat(answered.at("/collectedData/order_number").asText()).isEqualTo(ORDER);

    Result callerResult = ExternalProcess.finish(caller, callerLog, Duration.ofSeconds(40));
    assertThat(callerResult.exitCode()).as(callerResult.output()).isZero();
    Result agentResult = ExternalProcess.finish(agent, dataDir.resolve("agent.log"), Duration.ofSeconds(20));
    assertThat(agentResult.exitCode()).as("the agent got the caller's BYE: " + agentResult.output()).isZero();
    Call completed = await("the call completed").atMost(WAIT)
        .until(() -> server.callCenter().getCall(queued.id()), c -> c.status() == CallStatus.COMPLETED);
    await("the agent available again").atMost(WAIT)
        .until(() -> server.acd().routingState(SARA) == RoutingState.AVAILABLE);
    return completed;
  }

  /**
   * With {@code --sip-prompt-audio}, the greeting the catalogue names ({@code audio/ar/greeting.welcome.wav} for an
   * Arabic caller) is streamed to the address in the caller's SDP: here the test's own UDP socket.
   */
  @Test
  void theGreetingRecordingIsStreamedToTheCallerAsRtp() throws Exception {
    Path recordings = Files.createDirectories(dataDir.resolve("recordings"));
    byte[] arabic = tone(4000, 440);
    writeMuLawWav(Files.createDirectories(recordings.resolve("audio/ar")).resolve("greeting.welcome.wav"), arabic);
    writeMuLawWav(Files.createDirectories(recordings.resolve("audio/en")).resolve("greeting.welcome.wav"),
        tone(4000, 880));
    ServerSettings.Sip sip = new ServerSettings.Sip("127.0.0.1", sipPort(), List.of("MD5", "SHA-256"))
        .withPromptAudio(recordings);
    try (CallCenterServer server = start(settings().withSip(sip));
        DatagramSocket media = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
      media.setSoTimeout(3000);
      Process caller = start(client("server_caller_hears_greeting.xml", "-key", "rtp_port",
          String.valueOf(media.getLocalPort())), dataDir.resolve("caller.log"));

      ByteArrayOutputStream heard = new ByteArrayOutputStream();
      List<Integer> payloadTypes = new ArrayList<>();
      int markers = 0;
      byte[] buffer = new byte[2048];
      while (heard.size() < arabic.length) {
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        media.receive(packet); // times out (and fails the test) when the stream stops short
        payloadTypes.add(buffer[1] & 0x7f);
        markers += (buffer[1] & 0x80) != 0 ? 1 : 0;
        heard.write(buffer, 12, packet.getLength() - 12);
      }

      assertThat(heard.toByteArray()).as("the Arabic greeting, byte for byte").isEqualTo(arabic);
      assertThat(payloadTypes).hasSize(25).containsOnly(0); // 20 ms of PCMU each
      assertThat(markers).as("one prompt, one marker").isEqualTo(1);
      Result callerResult = ExternalProcess.finish(caller, dataDir.resolve("caller.log"), Duration.ofSeconds(20));
      assertThat(callerResult.exitCode()).as(callerResult.output()).isZero();
      await("the call ended").atMost(WAIT).until(() -> !server.callCenter()
          .listCalls(CallQuery.withStatus(CallStatus.ABANDONED), PageRequest.first(10)).items().isEmpty());
    }
  }

  /** {@code samples} of a sine tone at {@code hertz}, μ-law encoded by the JDK's codec. */
  private static byte[] tone(int samples, int hertz) throws IOException {
    ByteBuffer pcm = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < samples; i++) {
      pcm.putShort((short) (8000 * Math.sin(2 * Math.PI * hertz * i / 8000.0)));
    }
    AudioFormat linear = new AudioFormat(8000, 16, 1, true, false);
    try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm.array()), linear, samples);
        AudioInputStream ulaw = AudioSystem.getAudioInputStream(AudioFormat.Encoding.ULAW, in)) {
      return ulaw.readAllBytes();
    }
  }

  private static void writeMuLawWav(Path file, byte[] samples) throws IOException {
    AudioFormat ulaw = new AudioFormat(AudioFormat.Encoding.ULAW, 8000, 8, 1, 1, 8000, false);
    try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(samples), ulaw, samples.length)) {
      AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
    }
  }

  /** The server lets calls ring ({@code sipRinging}); the caller gives up: 200 for the CANCEL, 487 for the INVITE. */
  @Test
  void aCallerThatCancelsWhileTheServerLetsItRingIsAbandonedBeforeTheIvrBegins() throws Exception {
    Duration ringing = Duration.ofSeconds(5);
    ServerSettings.Sip sip = new ServerSettings.Sip("127.0.0.1", sipPort(), List.of("MD5", "SHA-256"), ringing);
    try (CallCenterServer server = start(settings().withSip(sip))) {
      Instant dialled = Instant.now();
      Result caller = ExternalProcess.run(client("server_caller_cancels.xml"), dataDir.resolve("caller.log"),
          Duration.ofSeconds(30));
      assertThat(caller.exitCode()).as("CANCEL answered 200, INVITE 487: " + caller.output()).isZero();
      assertThat(Duration.between(dialled, Instant.now())).as("it gave up before the server would answer")
          .isLessThan(ringing);

      Call call = await("the call abandoned").atMost(WAIT).until(() -> server.callCenter().listCalls(CallQuery.ALL,
          PageRequest.first(10)).items().stream().filter(c -> c.status() == CallStatus.ABANDONED).findFirst(),
          Optional::isPresent).orElseThrow();
      assertThat(server.callCenter().listCalls(CallQuery.ALL, PageRequest.first(10)).items()).hasSize(1);
      assertThat(call.customer().phone()).hasToString("+966501112233");
      assertThat(call.ivrStage()).as("the IVR never began: " + history(server, call)).isNull();
      assertThat(call.endedAt()).isNotNull();
    }
  }

  // ---- helpers ----------------------------------------------------------------------------------------------

  private ServerSettings settings() {
    return ServerSettings.defaults(dataDir).withPort(0).withDbUrl(ServerSettings.IN_MEMORY).withAdminToken(ADMIN)
        .withSip(new ServerSettings.Sip("127.0.0.1", sipPort(), List.of("MD5", "SHA-256")));
  }

  /** The SIP port of this test's server, chosen once. */
  private int sipPort() {
    if (sipPort == 0) {
      sipPort = LoopbackPorts.free();
    }
    return sipPort;
  }

  private CallCenterServer start(ServerSettings settings) {
    sipp = ExternalTool.require("sipp");
    CallCenterServer server = CallCenterServer.start(settings);
    base = "http://127.0.0.1:" + server.port();
    return server;
  }

  /** The IVR queued the complaint with the order number as keyed, then "not urgent", and never asked again. */
  private static void assertCollectedTheOrder(CallCenterServer server, Call queued) {
    assertThat(queued.department()).as(() -> history(server, queued)).isEqualTo(Department.COMPLAINTS);
    assertThat(queued.customer().customerId()).isEqualTo("cust-1001");
    assertThat(queued.collectedData()).as(() -> history(server, queued))
        .isEqualTo(Map.of("order_number", ORDER, "urgent", "no"));
    assertThat(queued.ivrStage()).isIn("QUEUE", "HANDOFF");
    assertThat(queued.tags()).as("no fallback to reception").doesNotContain("ivr-fallback");
  }

  /** Gives the sample extension a password through the API; the registrar sees only its digests. */
  private void setPassword(String extension, String userId, String displayName, String password) {
    JsonNode extensions = send("GET", base + "/api/callcenter/extensions?q=" + extension, null);
    String extensionId = extensions.at("/items/0/id").asText();
    send("PUT", base + "/api/callcenter/extensions/" + extensionId,
        Map.of("password", password, "userId", userId, "displayName", displayName));
  }

  /** A SIPp UAS that answers for {@code extension} on {@code agentPort}, running {@code scenario} once. */
  private Process startAgent(String scenario, String extension, int agentPort) {
    return start(List.of(sipp, "-sf", scenario(scenario), "-i", "127.0.0.1", "-p", String.valueOf(agentPort),
        "-mi", "127.0.0.1", "-mp", String.valueOf(LoopbackPorts.free()), "-t", "u1", "-m", "1",
        "-key", "extension", extension, "-nostdin", "-timeout", "90s", "-timeout_error"),
        dataDir.resolve("agent.log"));
  }

  /** Registers {@code extension} with the contact of the agent's UAS, answering the digest challenge. */
  private void register(String extension, int agentPort, String password) {
    Result registered = ExternalProcess.run(client("agent_register.xml", "-key", "extension", extension,
        "-key", "agent_port", String.valueOf(agentPort), "-au", extension, "-ap", password),
        dataDir.resolve("register.log"), Duration.ofSeconds(20));
    assertThat(registered.exitCode()).as(registered.output()).isZero();
  }

  /** The first queued call; failing, what became of every call and what the caller's SIPp saw. */
  private Call awaitQueued(CallCenterServer server, Path callerLog) {
    try {
      return await("the caller queued").atMost(WAIT).until(() -> server.callCenter().listCalls(
          CallQuery.withStatus(CallStatus.IN_QUEUE), PageRequest.first(10)).items().stream().findFirst(),
          Optional::isPresent).orElseThrow();
    } catch (ConditionTimeoutException e) {
      StringBuilder calls = new StringBuilder();
      server.callCenter().listCalls(CallQuery.ALL, PageRequest.first(10)).items().forEach(c -> calls.append('\n')
          .append(c.status()).append(' ').append(c.department()).append(history(server, c)));
      throw new AssertionError(e.getMessage() + calls + "\n" + read(callerLog), e);
    }
  }

  private static String read(Path log) {
    try {
      return Files.readString(log, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** The agent logs in, the ACD offers it the queued call, and it accepts: the answer is the call at handoff. */
  private JsonNode offerAndAccept(String agentId, Call queued) {
    send("PATCH", base + "/api/agents/" + agentId + "/status", Map.of("status", "available"));
    JsonNode offered = await("the offer").atMost(WAIT).until(() -> send("GET", base + "/api/agents/" + agentId, null),
        a -> a.at("/reservation/callId").asText("").equals(queued.id().value()));
    assertThat(offered.get("routingState").asText()).isEqualTo("reserved");
    return send("POST", base + "/api/agents/" + agentId + "/accept", null);
  }

  /** The ACD's moves of an agent, in order. */
  private static List<Event> routingStates(CallCenterServer server, AgentId agent) {
    return server.callCenter().eventsAfter(0, 10_000).stream().filter(e -> e.type() == EventType.AGENT_STATUS_CHANGED
        && e.subject().equals(agent.value()) && e.data().containsKey("routingState")).toList();
  }

  private static List<String> names(List<Event> moves) {
    return moves.stream().map(e -> String.valueOf(e.data().get("routingState"))).toList();
  }

  /** What the IVR did with the call, event by event: for a failure message. */
  private static String history(CallCenterServer server, Call call) {
    StringBuilder out = new StringBuilder();
    for (var e : server.callCenter().eventsAfter(0, 1000)) {
      if (e.subject().equals(call.id().value())) {
        out.append('\n').append(e.type()).append(' ').append(e.data().get("ivrStage")).append(' ')
            .append(e.data().get("flowState")).append(' ').append(e.data().get("collectedData"));
      }
    }
    return out.toString();
  }

  /** A SIPp UAC for one call to the server. */
  private List<String> client(String scenario, String... extra) {
    List<String> command = new ArrayList<>(List.of(sipp, "127.0.0.1:" + sipPort, "-sf", scenario(scenario),
        "-i", "127.0.0.1", "-p", String.valueOf(LoopbackPorts.free()), "-mi", "127.0.0.1",
        "-mp", String.valueOf(LoopbackPorts.free()), "-t", "u1", "-m", "1", "-key", "service", "100", "-nostdin",
        "-timeout", "90s", "-timeout_error", "-max_recv_loops", "1000"));
    command.addAll(List.of(extra));
    return command;
  }

  private Process start(List<String> command, Path log) {
    Process p = ExternalProcess.start(command, log);
    processes.add(p);
    return p;
  }

  private String scenario(String name) {
    return Sipp.scenario(name, dataDir);
  }

  private JsonNode send(String method, String url, Object body) {
    try {
      return sendChecked(method, url, body);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private JsonNode sendChecked(String method, String url, Object body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + ADMIN)
        .timeout(Duration.ofSeconds(10));
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(method + " " + url + ": " + response.body()).isBetween(200, 299);
    return JSON.readTree(response.body());
  }
}
