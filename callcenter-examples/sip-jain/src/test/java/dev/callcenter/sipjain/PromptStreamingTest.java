package dev.callcenter.sipjain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.callcenter.core.Call;
import dev.callcenter.core.CallCenter;
import dev.callcenter.core.Language;
import dev.callcenter.core.flow.CallFlow;
import dev.callcenter.core.flow.FlowAction;
import dev.callcenter.core.flow.FlowInput;
import dev.callcenter.core.flow.FlowStep;
import dev.callcenter.sip.ChannelId;
import dev.callcenter.sip.TelephonyBridge;
import dev.callcenter.sip.TelephonyEvent;
import dev.callcenter.sipjain.RtpSink.Packet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prompts with G.711 WAV audio reach the caller as RTP, over real UDP on loopback: hand-written SIP callers whose SDP
 * points at a test socket.
 */
@Timeout(60)
class PromptStreamingTest {
  /** Packets never leave early; this covers the clocks' grain when a lower bound is asserted. */
  private static final Duration EARLY = Duration.ofMillis(20);
  /** Time for packets and events in flight to arrive. */
  private static final Duration SLACK = Duration.ofMillis(300);
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path root;
  private Path prompts;
  private SipPhones phones;
  private final RtpSink caller = new RtpSink();
  private final List<Timed> events = new CopyOnWriteArrayList<>();

  record Timed(long nanos, TelephonyEvent event) {}

  @BeforeEach
  void phones() throws IOException {
    prompts = Files.createDirectories(root.resolve("prompts"));
    phones = new SipPhones(b -> b.promptAudio(prompts));
  }

  @AfterEach
  void close() {
    phones.close();
    caller.close();
  }

  @Test
  void aPromptWithG711AudioIsStreamedIn20MsPacketsAndReportedWhenItsLastPacketIsSent() throws IOException {
    byte[] samples = TestWavs.tone(TestWavs.ULAW, 8050); // 50 packets of 160 samples and one of 50
    write("en/welcome.wav", TestWavs.g711(TestWavs.ULAW, samples));
    ChannelId channel = answeredCall(Sdp.PCMU, Sdp.PCMA, 101);

    long asked = System.nanoTime();
    phones.telephony().playPrompt(channel, prompt("welcome", "en/welcome.wav"));

    Timed finished = awaitFinished(channel, "welcome");
    await("51 packets").atMost(WAIT).until(() -> caller.packets().size() >= 51);
    List<Packet> packets = caller.packets();
    assertThat(packets).hasSize(51);
    assertStream(packets, Sdp.PCMU, List.of(0));
    assertThat(RtpSink.payloads(packets)).isEqualTo(samples);
    assertThat(packets.get(50).payload()).hasSize(50);
    // 51 packets 20 ms apart: the last leaves 1 s after the first
    assertThat(Duration.ofNanos(finished.nanos() - asked)).isGreaterThan(Duration.ofMillis(1000).minus(EARLY));
    assertThat(Duration.ofNanos(packets.get(50).receivedNanos() - packets.get(0).receivedNanos()))
        .isGreaterThan(Duration.ofMillis(1000).minus(SLACK));
    pause(SLACK);
    assertThat(caller.packets()).hasSize(51);
  }

  @Test
  void aCallerThatOfferedOnlyTheOtherLawHearsTheFileTranscoded() throws IOException {
    byte[] samples = TestWavs.tone(TestWavs.ULAW, 3200);
    write("welcome.wav", TestWavs.g711(TestWavs.ULAW, samples));
    ChannelId channel = answeredCall(Sdp.PCMA, 101);

    phones.telephony().playPrompt(channel, prompt("welcome", "welcome.wav"));

    awaitFinished(channel, "welcome");
    await("20 packets").atMost(WAIT).until(() -> caller.packets().size() >= 20);
    List<Packet> packets = caller.packets();
    assertThat(packets).hasSize(20);
    assertStream(packets, Sdp.PCMA, List.of(0));
    byte[] alaw = new byte[samples.length];
    for (int i = 0; i < samples.length; i++) {
      alaw[i] = G711.ALAW.from(G711.ULAW, samples[i]); // the table itself is checked in G711Test
    }
    assertThat(RtpSink.payloads(packets)).isEqualTo(alaw).isNotEqualTo(samples);
  }

  @Test
  void promptsPlayInTheOrderAskedForAndTheStreamRunsOnAcrossThem() throws IOException {
    byte[] first = TestWavs.tone(TestWavs.ALAW, 1600);
    byte[] last = TestWavs.tone(TestWavs.ALAW, 800);
    write("first.wav", TestWavs.g711(TestWavs.ALAW, first));
    write("last.wav", TestWavs.g711(TestWavs.ALAW, last));
    ChannelId channel = answeredCall(Sdp.PCMA);

    long asked = System.nanoTime();
    phones.telephony().playPrompt(channel, prompt("first", "first.wav"));
    phones.telephony().playPrompt(channel, prompt("text-only", null));
    phones.telephony().playPrompt(channel, prompt("missing", "missing.wav"));
    phones.telephony().playPrompt(channel, prompt("last", "last.wav"));

    Timed lastFinished = awaitFinished(channel, "last");
    List<Timed> finished = finished(channel);
    assertThat(finished).extracting(t -> ((TelephonyEvent.PromptFinished) t.event()).promptId())
        .containsExactly("first", "text-only", "missing", "last");
    // the prompts without audio waited for the first one: 10 packets, the last 180 ms after the first
    assertThat(Duration.ofNanos(finished.get(1).nanos() - asked)).isGreaterThan(Duration.ofMillis(180).minus(EARLY));
    assertThat(Duration.ofNanos(lastFinished.nanos() - asked)).isGreaterThan(Duration.ofMillis(280).minus(EARLY));
    await("15 packets").atMost(WAIT).until(() -> caller.packets().size() >= 15);
    List<Packet> packets = caller.packets();
    assertThat(packets).hasSize(15);
    assertStream(packets, Sdp.PCMA, List.of(0, 10));
    byte[] both = Arrays.copyOf(first, first.length + last.length);
    System.arraycopy(last, 0, both, first.length, last.length);
    assertThat(RtpSink.payloads(packets)).isEqualTo(both);
  }

  @Test
  void promptsWithoutAudioOrWithAnUnplayableFileAreReportedAsPlayedAtOnce() throws IOException {
    write("pcm16.wav", TestWavs.wav(TestWavs.PCM, 8000, 1, 16, new byte[3200]));
    write("empty.wav", new byte[0]);
    // a good file outside the prompt directory: refused by its name, so never streamed
    Files.write(root.resolve("outside.wav"), TestWavs.g711(TestWavs.ULAW, TestWavs.tone(TestWavs.ULAW, 1600)));
    ChannelId channel = answeredCall(Sdp.PCMU);

    List<String> names = Arrays.asList(null, "missing.wav", "pcm16.wav", "empty.wav", "../outside.wav",
        root.resolve("outside.wav").toString(), "prompts/../../outside.wav", "http://192.0.2.1/welcome.wav");
    for (int i = 0; i < names.size(); i++) {
      String id = "prompt-" + i;
      phones.telephony().playPrompt(channel, prompt(id, names.get(i)));
      assertThat(finished(channel)).as("reported before playPrompt returns: " + names.get(i))
          .anyMatch(t -> ((TelephonyEvent.PromptFinished) t.event()).promptId().equals(id));
    }
    pause(Duration.ofMillis(300));
    assertThat(caller.packets()).isEmpty();
  }

  @Test
  void aCallerWithoutAMediaPortHearsNothingAndThePromptIsReportedAtOnce() throws IOException {
    write("welcome.wav", TestWavs.g711(TestWavs.ULAW, TestWavs.tone(TestWavs.ULAW, 1600)));
    phones.telephony().start(this::record);
    ChannelId channel = phones.call("0501234567", "100", sdp(0, Sdp.PCMU));
    answer(channel);

    phones.telephony().playPrompt(channel, prompt("welcome", "welcome.wav"));

    assertThat(finished(channel)).hasSize(1);
  }

  @Test
  void aHangUpMidPromptStopsThePacketsAndThePromptIsNotReported() throws IOException {
    write("long.wav", TestWavs.g711(TestWavs.ULAW, TestWavs.tone(TestWavs.ULAW, 24_000))); // 3 s
    ChannelId channel = answeredCall(Sdp.PCMU);
    phones.telephony().playPrompt(channel, prompt("long", "long.wav"));
    await("10 packets").atMost(WAIT).until(() -> caller.packets().size() >= 10);

    phones.hangUpAsCaller(channel);

    await("the hang-up").atMost(WAIT)
        .until(() -> events.stream().anyMatch(t -> t.event() instanceof TelephonyEvent.HungUp));
    pause(SLACK);
    int heard = caller.packets().size();
    pause(Duration.ofMillis(400));
    assertThat(caller.packets()).hasSize(heard);
    assertThat(heard).isLessThan(100);
    assertThat(finished(channel)).isEmpty();
  }

  @Test
  void aCallerConnectedToAnAgentHearsNoMorePrompts() throws IOException {
    write("long.wav", TestWavs.g711(TestWavs.ULAW, TestWavs.tone(TestWavs.ULAW, 24_000)));
    ChannelId channel = answeredCall(Sdp.PCMU);
    phones.registerAgent("1001");
    phones.telephony().playPrompt(channel, prompt("long", "long.wav"));
    phones.telephony().playPrompt(channel, prompt("queued", null));
    await("10 packets").atMost(WAIT).until(() -> caller.packets().size() >= 10);

    phones.telephony().transfer(channel, "1001");

    await("the transfer").atMost(WAIT)
        .until(() -> events.stream().anyMatch(t -> t.event() instanceof TelephonyEvent.TransferCompleted));
    pause(SLACK);
    int heard = caller.packets().size();
    phones.telephony().playPrompt(channel, prompt("after", "long.wav"));
    assertThat(finished(channel)).extracting(t -> ((TelephonyEvent.PromptFinished) t.event()).promptId())
        .containsExactly("after");
    pause(Duration.ofMillis(400));
    assertThat(caller.packets()).hasSize(heard);
    assertThat(heard).isLessThan(100);
  }

  @Test
  void aCallFlowsPromptAudioReachesTheCallerThroughTheBridge() throws IOException {
    byte[] samples = TestWavs.tone(TestWavs.ULAW, 1600);
    write("ar/welcome.wav", TestWavs.g711(TestWavs.ULAW, samples));
    CallFlow flow = new CallFlow() {
      @Override
      public FlowStep begin(Call call) {
        return new FlowStep(call, List.of(
            new FlowAction.PlayPrompt("welcome", Language.of("ar"), "أهلًا وسهلًا", "ar/welcome.wav", Map.of()),
            new FlowAction.CollectDigits(1, null, Duration.ofSeconds(20), Duration.ofSeconds(5))));
      }

      @Override
      public FlowStep handle(Call call, FlowInput input) {
        return new FlowStep(call, List.of(new FlowAction.HangUp(FlowAction.HangUp.Reason.FLOW)));
      }
    };
    CallCenter center = CallCenter.builder().callFlow(flow).build();
    try (TelephonyBridge bridge = TelephonyBridge.builder().callCenter(center).telephony(phones.telephony()).build()
        .start()) {
      phones.call("0501234567", "100", sdp(caller.port(), Sdp.PCMU, 101));

      await("10 packets").atMost(WAIT).until(() -> caller.packets().size() >= 10);
      pause(SLACK);
      assertThat(caller.packets()).hasSize(10);
      assertThat(RtpSink.payloads(caller.packets())).isEqualTo(samples);
      assertThat(bridge.channels()).hasSize(1);
    }
  }

  // ---- helpers ------------------------------------------------------------------------------------------------

  /** RTP version 2, {@code payloadType}, one SSRC, sequence +1 and timestamp +160 a packet, markers at {@code marks}. */
  private static void assertStream(List<Packet> packets, int payloadType, List<Integer> marks) {
    assertThat(packets).allSatisfy(p -> {
      assertThat(p.version()).isEqualTo(2);
      assertThat(p.payloadType()).isEqualTo(payloadType);
      assertThat(p.ssrc()).isEqualTo(packets.get(0).ssrc());
    });
    for (int i = 1; i < packets.size(); i++) {
      assertThat(packets.get(i).sequence()).as("sequence of packet " + i)
          .isEqualTo((packets.get(i - 1).sequence() + 1) & 0xffff);
      assertThat(packets.get(i).timestamp()).as("timestamp of packet " + i)
          .isEqualTo((packets.get(i - 1).timestamp() + 160) & 0xffffffffL);
    }
    assertThat(IntStream.range(0, packets.size()).filter(i -> packets.get(i).marker()).boxed()
        .collect(Collectors.toList())).isEqualTo(marks);
  }

  private ChannelId answeredCall(int... payloadTypes) {
    phones.telephony().start(this::record);
    ChannelId channel = phones.call("0501234567", "100", sdp(caller.port(), payloadTypes));
    answer(channel);
    return channel;
  }

  private void answer(ChannelId channel) {
    await("the call offered").atMost(WAIT)
        .until(() -> events.stream().anyMatch(t -> t.event() instanceof TelephonyEvent.CallOffered));
    phones.telephony().answer(channel);
    await("the call answered").atMost(WAIT).until(() -> events.stream()
        .anyMatch(t -> t.event().equals(new TelephonyEvent.CallAnswered(channel))));
  }

  private void record(TelephonyEvent event) {
    events.add(new Timed(System.nanoTime(), event));
  }

  private static String sdp(int port, int... payloadTypes) {
    String types = Arrays.stream(payloadTypes).mapToObj(String::valueOf).collect(Collectors.joining(" "));
    return "v=0\r\no=caller 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
        + "m=audio " + port + " RTP/AVP " + types + "\r\na=rtpmap:101 telephone-event/8000\r\n";
  }

  private static FlowAction.PlayPrompt prompt(String id, @Nullable String audio) {
    return new FlowAction.PlayPrompt(id, Language.ENGLISH, id, audio, Map.of());
  }

  private void write(String name, byte[] bytes) throws IOException {
    Path file = prompts.resolve(name);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
  }

  private List<Timed> finished(ChannelId channel) {
    return events.stream().filter(t -> t.event() instanceof TelephonyEvent.PromptFinished f
        && f.channel().equals(channel)).toList();
  }

  private Timed awaitFinished(ChannelId channel, String promptId) {
    return await("prompt " + promptId + " finished").atMost(WAIT).until(() -> finished(channel).stream()
        .filter(t -> ((TelephonyEvent.PromptFinished) t.event()).promptId().equals(promptId)).findFirst(),
        Optional::isPresent).orElseThrow();
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
