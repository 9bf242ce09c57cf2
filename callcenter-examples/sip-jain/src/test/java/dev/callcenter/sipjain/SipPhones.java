package dev.callcenter.sipjain;

import static org.awaitility.Awaitility.await;

import dev.callcenter.sip.ChannelId;
import dev.callcenter.sip.Telephony;
import dev.callcenter.testkit.LoopbackPorts;
import dev.callcenter.testkit.sip.TelephonyDriver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Callers and agents as hand-written SIP over UDP, driving a {@link JainSipTelephony} for the compatibility kit:
 * callers send INVITE, ACK, INFO DTMF, BYE or CANCEL; agents register with digest authentication and answer the
 * calls transferred to them.
 */
final class SipPhones implements TelephonyDriver {
  /** The audio port in every agent's SDP answer, so that a test can tell the agent's media from anyone else's. */
  static final int AGENT_MEDIA_PORT = 49170;
  /** The phones answer at once: poll often, so that a kit test's many small steps stay quick. */
  private static final Duration POLL = Duration.ofMillis(5);
  private static final Map<String, String> PASSWORDS = Map.of("1001", SipServer.PASSWORD_1001, "1002",
      SipServer.PASSWORD_1002);

  /** One dialog as a phone sees it. */
  static final class Leg {
    final String callId;
    volatile @Nullable String remoteTag;
    volatile String localTag = UUID.randomUUID().toString().substring(0, 8);
    volatile boolean answered;
    volatile boolean ended;
    volatile int cseq = 1;
    volatile String from = "";
    volatile String to = "";
    volatile String inviteVia = "";

    Leg(String callId) {
      this.callId = callId;
    }
  }

  /** A UDP socket with a thread that answers requests and records responses. */
  private final class Phone implements AutoCloseable {
    final DatagramSocket socket;
    final Thread reader;
    final Map<String, Leg> legs = new ConcurrentHashMap<>();
    final Map<String, String> lastResponse = new ConcurrentHashMap<>();
    /** In-dialog INVITEs and ACKs this phone received, as sent. */
    final List<String> reinvites = new CopyOnWriteArrayList<>();
    final List<String> acks = new CopyOnWriteArrayList<>();
    final List<String> byes = new CopyOnWriteArrayList<>();
    /** How a caller answers a re-INVITE: 200 with its SDP, or this status. */
    volatile int reinviteStatus = 200;
    final boolean agent;
    final String extension;

    Phone(boolean agent, String extension) {
      this.agent = agent;
      this.extension = extension;
      try {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      } catch (SocketException e) {
        throw new UncheckedIOException(e);
      }
      reader = new Thread(this::read, "sip-phone-" + extension);
      reader.setDaemon(true);
      reader.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    void send(String message) {
      byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
      try {
        socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), telephony.port()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void read() {
      byte[] buffer = new byte[65535];
      while (!socket.isClosed()) {
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
          socket.receive(packet);
        } catch (IOException e) {
          return;
        }
        String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
        try {
          handle(text);
        } catch (RuntimeException e) {
          // a test phone ignores what it does not understand
        }
      }
    }

    private void handle(String text) {
      String callId = header(text, "Call-ID");
      if (text.startsWith("SIP/2.0 ")) {
        int status = Integer.parseInt(text.substring(8, 11));
        String cseq = header(text, "CSeq");
        lastResponse.put(callId + " " + cseq, text);
        Leg leg = legs.get(callId);
        if (leg != null && cseq.endsWith("INVITE") && status >= 200) {
          if (status < 300) {
            leg.remoteTag = tag(header(text, "To"));
            leg.to = header(text, "To");
            leg.answered = true;
            send(request("ACK", leg, 1, ""));
          } else {
            leg.ended = true;
            send(request("ACK", leg, 1, "").replace("To: " + leg.to, "To: " + header(text, "To")));
          }
        }
        return;
      }
      String method = text.substring(0, text.indexOf(' '));
      if (method.equals("ACK")) {
        acks.add(text);
        Leg leg = legs.get(callId);
        if (leg != null) {
          leg.answered = true;
        }
        return;
      }
      if (method.equals("INVITE") && !agent) {
        reinvites.add(text);
        int status = reinviteStatus;
        if (status == 200) {
          send(response(text, 200, "OK", null, "Contact: <sip:caller@127.0.0.1:" + port()
              + ">\r\nContent-Type: application/sdp\r\n", CALLER_SDP));
        } else {
          send(response(text, status, "Refused", null, ""));
        }
        return;
      }
      if (method.equals("INVITE") && agent) {
        Leg leg = legs.computeIfAbsent(callId, Leg::new);
        leg.from = header(text, "To") + ";tag=" + leg.localTag; // our side of the agent leg
        leg.to = header(text, "From");
        leg.remoteTag = tag(leg.to);
        leg.inviteVia = header(text, "Via");
        send(response(text, 180, "Ringing", leg.localTag, ""));
        String sdp = "v=0\r\no=agent 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio " + AGENT_MEDIA_PORT + " RTP/AVP 0\r\n";
        send(response(text, 200, "OK", leg.localTag, "Contact: <sip:" + extension + "@127.0.0.1:" + port()
            + ">\r\nContent-Type: application/sdp\r\n", sdp));
        return;
      }
      if (method.equals("BYE")) {
        byes.add(text);
        Leg leg = legs.get(callId);
        if (leg != null) {
          leg.ended = true;
        }
      }
      send(response(text, leg(callId) == null && method.equals("BYE") ? 481 : 200, "OK", null, ""));
    }

    @Nullable Leg leg(String callId) {
      return legs.get(callId);
    }

    @Override
    public void close() {
      socket.close();
    }

    String request(String method, Leg leg, int cseq, String extra) {
      return request(method, leg, cseq, extra, "");
    }

    String request(String method, Leg leg, int cseq, String extra, String body) {
      String to = leg.to.isEmpty() ? "<sip:100@127.0.0.1>" : leg.to;
      return method + " sip:callcenter@127.0.0.1:" + telephony.port() + " SIP/2.0\r\n"
          + "Via: SIP/2.0/UDP 127.0.0.1:" + port() + ";branch=z9hG4bK" + UUID.randomUUID().toString()
              .replace("-", "") + ";rport\r\n"
          + "From: " + leg.from + "\r\n"
          + "To: " + to + "\r\n"
          + "Call-ID: " + leg.callId + "\r\n"
          + "CSeq: " + cseq + " " + method + "\r\n"
          + "Contact: <sip:" + extension + "@127.0.0.1:" + port() + ">\r\n"
          + "Max-Forwards: 70\r\n" + extra
          + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }
  }

  private static final String CALLER_SDP = "v=0\r\no=caller 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\n"
      + "t=0 0\r\nm=audio 9 RTP/AVP 0 101\r\na=rtpmap:101 telephone-event/8000\r\n";

  private final JainSipTelephony telephony;
  private final Phone callers = new Phone(false, "caller");
  private final Map<String, Phone> agents = new ConcurrentHashMap<>();
  /** Caller user → channel, to find which caller an agent leg belongs to. */
  private final Map<String, ChannelId> byCaller = new ConcurrentHashMap<>();

  SipPhones() {
    this(b -> b);
  }

  /** With more settings of the telephony, e.g. {@code promptAudio}. */
  SipPhones(UnaryOperator<JainSipTelephony.Builder> settings) {
    telephony = settings.apply(JainSipTelephony.builder().host("127.0.0.1").port(LoopbackPorts.free())
        .realm(SipServer.REALM).credentials(SipServer.credentials())).build();
  }

  @Override
  public Telephony telephony() {
    return telephony;
  }

  @Override
  public ChannelId call(String from, String to) {
    return call(from, to, CALLER_SDP);
  }

  /** A call whose INVITE offers {@code sdp}. */
  ChannelId call(String from, String to, String sdp) {
    String callId = UUID.randomUUID() + "@127.0.0.1";
    Leg leg = new Leg(callId);
    leg.from = "<sip:" + from + "@127.0.0.1>;tag=" + leg.localTag;
    leg.to = "<sip:" + to + "@127.0.0.1>";
    callers.legs.put(callId, leg);
    ChannelId channel = ChannelId.of(callId);
    byCaller.put(from, channel);
    callers.send(callers.request("INVITE", leg, 1, "Content-Type: application/sdp\r\n", sdp)
        .replace("INVITE sip:callcenter@", "INVITE sip:" + to + "@"));
    return channel;
  }

  @Override
  public void pressKeys(ChannelId channel, String keys) {
    Leg leg = callerLeg(channel);
    await("the call to be answered").atMost(patience()).pollInterval(POLL).until(() -> leg.answered);
    for (char key : keys.toCharArray()) {
      int cseq = ++leg.cseq;
      callers.send(callers.request("INFO", leg, cseq, "Content-Type: application/dtmf-relay\r\n",
          "Signal=" + key + "\r\nDuration=160\r\n"));
      await("200 to INFO " + key).atMost(patience()).pollInterval(POLL)
          .until(() -> callers.lastResponse.containsKey(leg.callId + " " + cseq + " INFO"));
    }
  }

  @Override
  public void hangUpAsCaller(ChannelId channel) {
    Leg leg = callerLeg(channel);
    if (leg.answered) {
      callers.send(callers.request("BYE", leg, ++leg.cseq, ""));
    } else {
      callers.send(callers.request("CANCEL", leg, 1, ""));
    }
    leg.ended = true;
  }

  @Override
  public void hangUpAsAgent(ChannelId channel) {
    for (Phone agent : agents.values()) {
      Leg leg = agentLeg(agent, channel);
      if (leg != null) {
        agent.send(agent.request("BYE", leg, 1, ""));
        leg.ended = true;
        return;
      }
    }
    throw new AssertionError("no agent leg for " + channel);
  }

  @Override
  public void registerAgent(String extension) {
    String password = PASSWORDS.get(extension);
    if (password == null) {
      throw new IllegalArgumentException("the test registrar knows only extensions " + PASSWORDS.keySet());
    }
    Phone agent = agents.computeIfAbsent(extension, e -> new Phone(true, e));
    Leg reg = new Leg(UUID.randomUUID() + "@127.0.0.1");
    reg.from = "<sip:" + extension + "@127.0.0.1>;tag=" + reg.localTag;
    reg.to = "<sip:" + extension + "@127.0.0.1>";
    String uri = "sip:127.0.0.1:" + telephony.port();
    agent.send(agent.request("REGISTER", reg, 1, "Expires: 600\r\n").replaceFirst("^REGISTER [^ ]+", "REGISTER " + uri));
    String challenge = awaitResponse(agent, reg.callId + " 1 REGISTER");
    Matcher nonce = Pattern.compile("nonce=\"([^\"]+)\"").matcher(challenge);
    if (!nonce.find()) {
      throw new AssertionError("no challenge: " + challenge);
    }
    String ha1 = DigestChallenges.ha1("SHA-256", extension, SipServer.REALM, password);
    String ha2 = DigestChallenges.hash("SHA-256", "REGISTER:" + uri);
    String response = DigestChallenges.hash("SHA-256", ha1 + ":" + nonce.group(1) + ":00000001:abc:auth:" + ha2);
    String auth = "Authorization: Digest username=\"" + extension + "\", realm=\"" + SipServer.REALM + "\", nonce=\""
        + nonce.group(1) + "\", uri=\"" + uri + "\", response=\"" + response
        + "\", algorithm=SHA-256, qop=auth, nc=00000001, cnonce=\"abc\"\r\nExpires: 600\r\n";
    agent.send(agent.request("REGISTER", reg, 2, auth).replaceFirst("^REGISTER [^ ]+", "REGISTER " + uri));
    String ok = awaitResponse(agent, reg.callId + " 2 REGISTER");
    if (!ok.startsWith("SIP/2.0 200")) {
      throw new AssertionError("registration refused: " + ok);
    }
  }

  /** The in-dialog INVITEs the caller of {@code channel} received. */
  List<String> reinvitesTo(ChannelId channel) {
    return callers.reinvites.stream().filter(m -> header(m, "Call-ID").equals(channel.value())).toList();
  }

  /** The ACKs the caller of {@code channel} received. */
  List<String> acksTo(ChannelId channel) {
    return callers.acks.stream().filter(m -> header(m, "Call-ID").equals(channel.value())).toList();
  }

  /** The BYEs the caller of {@code channel} received. */
  List<String> byesTo(ChannelId channel) {
    return callers.byes.stream().filter(m -> header(m, "Call-ID").equals(channel.value())).toList();
  }

  /** Callers answer later re-INVITEs with {@code status} instead of 200. */
  void callersAnswerReinvitesWith(int status) {
    callers.reinviteStatus = status;
  }

  @Override
  public boolean callerLegEnded(ChannelId channel) {
    return callerLeg(channel).ended;
  }

  @Override
  public boolean connectedTo(ChannelId channel, String extension) {
    Phone agent = agents.get(extension);
    Leg leg = agent == null ? null : agentLeg(agent, channel);
    return leg != null && leg.answered && !leg.ended;
  }

  @Override
  public boolean agentLegEnded(ChannelId channel) {
    for (Phone agent : agents.values()) {
      Leg leg = agentLeg(agent, channel);
      if (leg != null && !leg.ended) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    telephony.close();
    callers.close();
    agents.values().forEach(Phone::close);
  }

  private Leg callerLeg(ChannelId channel) {
    Leg leg = callers.legs.get(channel.value());
    if (leg == null) {
      throw new AssertionError("no caller leg " + channel);
    }
    return leg;
  }

  private @Nullable Leg agentLeg(Phone agent, ChannelId channel) {
    for (Leg leg : agent.legs.values()) {
      Matcher user = Pattern.compile("sip:([^@>;]+)@").matcher(leg.to);
      if (user.find() && channel.equals(byCaller.get(user.group(1)))) {
        return leg;
      }
    }
    return null;
  }

  private String awaitResponse(Phone phone, String key) {
    return await("a response to " + key).atMost(patience()).pollInterval(POLL)
        .until(() -> phone.lastResponse.get(key), Objects::nonNull);
  }

  private static String header(String message, String name) {
    for (String line : message.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
        return line.substring(colon + 1).strip();
      }
      if (line.isEmpty()) {
        break;
      }
    }
    return "";
  }

  private static @Nullable String tag(String header) {
    Matcher m = Pattern.compile(";tag=([^;\\s>]+)").matcher(header);
    return m.find() ? m.group(1) : null;
  }

  private static String response(String request, int status, String reason, @Nullable String toTag, String extra) {
    return response(request, status, reason, toTag, extra, "");
  }

  private static String response(String request, int status, String reason, @Nullable String toTag, String extra,
      String body) {
    List<String> vias = new ArrayList<>();
    for (String line : request.split("\r\n")) {
      if (line.regionMatches(true, 0, "Via:", 0, 4)) {
        vias.add(line);
      }
    }
    String to = header(request, "To");
    if (toTag != null && !to.contains(";tag=")) {
      to = to + ";tag=" + toTag;
    }
    return "SIP/2.0 " + status + " " + reason + "\r\n" + String.join("\r\n", vias) + "\r\n"
        + "From: " + header(request, "From") + "\r\n"
        + "To: " + to + "\r\n"
        + "Call-ID: " + header(request, "Call-ID") + "\r\n"
        + "CSeq: " + header(request, "CSeq") + "\r\n" + extra
        + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
  }
}
