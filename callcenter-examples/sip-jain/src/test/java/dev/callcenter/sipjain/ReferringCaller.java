package dev.callcenter.sipjain;

import dev.callcenter.sip.ChannelId;
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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * A caller as hand-written SIP over UDP that can be transferred by REFER (RFC 3515): it calls the server, keys DTMF
 * by SIP INFO, and answers a REFER as {@link OnRefer} says; following one, it reports progress by NOTIFY
 * ({@code Event: refer}, {@code message/sipfrag}), INVITEs the Refer-To URI itself with the REFER's
 * {@code Referred-By}, and on the target's 200 acknowledges it and NOTIFYs {@code SIP/2.0 200 OK}. It answers
 * re-INVITEs (with its SDP) and BYEs 200, and keeps every message it received.
 */
final class ReferringCaller implements AutoCloseable {
  static final String ALLOW_WITH_REFER = "INVITE, ACK, BYE, CANCEL, OPTIONS, INFO, REFER, NOTIFY";
  private static final String SDP = "v=0\r\no=caller 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\n"
      + "t=0 0\r\nm=audio 9 RTP/AVP 0 101\r\na=rtpmap:101 telephone-event/8000\r\n";
  private static final Duration PATIENCE = Duration.ofSeconds(20);
  /** A response comes at once: poll often, so that a test's many requests stay quick. */
  private static final Duration POLL = Duration.ofMillis(5);

  /** What the caller does with a REFER. */
  enum OnRefer {
    /** 202, NOTIFY 100 Trying, INVITE the target, NOTIFY its final status. */
    CALL_TARGET,
    /** 501 Not Implemented. */
    REFUSE,
    /** 202, NOTIFY 100 Trying, then NOTIFY 486 Busy Here as the final status, without calling anyone. */
    REPORT_BUSY,
    /** 202 and NOTIFY 100 Trying, then nothing more. */
    STALL
  }

  private final DatagramSocket socket;
  private final Thread reader;
  private final int serverPort;
  private final @Nullable String allow;
  private final OnRefer onRefer;
  private final AtomicInteger cseq = new AtomicInteger(1);
  private final String fromTag = "c" + UUID.randomUUID().toString().substring(0, 8);
  private final String from = "<sip:0501234567@127.0.0.1>;tag=" + fromTag;
  /** Every message received, as sent. */
  private final List<String> received = new CopyOnWriteArrayList<>();
  /** Final responses by Call-ID and CSeq ("id 3 NOTIFY"). */
  private final Map<String, String> responses = new ConcurrentHashMap<>();
  /** The CSeq numbers of the REFERs acted on. */
  private final Set<Long> referred = ConcurrentHashMap.newKeySet();

  final String callId = UUID.randomUUID() + "@127.0.0.1";
  private volatile @Nullable String serverTo;
  private volatile @Nullable String serverTarget;
  private volatile @Nullable Target target;

  /** The call to the Refer-To URI. */
  private record Target(String callId, String from, String uri, int port, @Nullable String to,
      @Nullable String contact, long referCseq) {
    Target answered(String toWithTag, String remoteContact) {
      return new Target(callId, from, uri, port, toWithTag, remoteContact, referCseq);
    }
  }

  /**
   * A caller of the server on {@code serverPort}; with {@code allow} as its INVITE's Allow header (null: none).
   */
  ReferringCaller(int serverPort, @Nullable String allow, OnRefer onRefer) {
    this.serverPort = serverPort;
    this.allow = allow;
    this.onRefer = onRefer;
    try {
      socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    } catch (SocketException e) {
      throw new UncheckedIOException(e);
    }
    reader = new Thread(this::read, "referring-caller");
    reader.setDaemon(true);
    reader.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  ChannelId channel() {
    return ChannelId.of(callId);
  }

  /** Calls the server and waits until the call is answered and acknowledged. */
  void call() {
    send(serverPort, "INVITE sip:100@127.0.0.1:" + serverPort + " SIP/2.0\r\n"
        + via()
        + "From: \"Referring caller\" " + from + "\r\n"
        + "To: <sip:100@127.0.0.1>\r\n"
        + "Call-ID: " + callId + "\r\n"
        + "CSeq: 1 INVITE\r\n"
        + contact()
        + (allow == null ? "" : "Allow: " + allow + "\r\n")
        + "Max-Forwards: 70\r\n"
        + "Content-Type: application/sdp\r\n", SDP);
    await("the call answered", () -> serverTo != null);
  }

  /** Keys {@code key} by SIP INFO and waits for its 200. */
  void press(char key) {
    int n = cseq.incrementAndGet();
    sendInDialog("INFO", n, "Content-Type: application/dtmf-relay\r\n", "Signal=" + key + "\r\nDuration=160\r\n");
    String ok = awaitResponse(callId + " " + n + " INFO");
    if (!ok.startsWith("SIP/2.0 200")) {
      throw new AssertionError("INFO " + key + " refused: " + ok);
    }
  }

  /** Sends {@code method} in the dialog with the server and returns its final response. */
  String request(String method, String headers, String body) {
    int n = cseq.incrementAndGet();
    sendInDialog(method, n, headers, body);
    return awaitResponse(callId + " " + n + " " + method);
  }

  /** Hangs up on the server. */
  void hangUp() {
    request("BYE", "", "");
  }

  /** Hangs up on the target it called after a REFER, and waits for the 200. */
  void hangUpOnTarget() {
    Target t = target;
    if (t == null || t.to() == null || t.contact() == null) {
      throw new AssertionError("no call to a target");
    }
    send(t.port(), "BYE " + t.contact() + " SIP/2.0\r\n" + via() + "From: " + t.from() + "\r\nTo: " + t.to()
        + "\r\nCall-ID: " + t.callId() + "\r\nCSeq: 2 BYE\r\n" + contact() + "Max-Forwards: 70\r\n", "");
    String ok = awaitResponse(t.callId() + " 2 BYE");
    if (!ok.startsWith("SIP/2.0 200")) {
      throw new AssertionError("BYE refused: " + ok);
    }
  }

  /** The requests of {@code method} the server sent in this call. */
  List<String> requestsFromServer(String method) {
    return received.stream().filter(m -> m.startsWith(method + " ") && header(m, "Call-ID").equals(callId)).toList();
  }

  /** The final responses the server gave to this caller's requests of {@code method}. */
  List<String> responsesTo(String method) {
    return responses.entrySet().stream().filter(e -> e.getKey().startsWith(callId + " ")
        && e.getKey().endsWith(" " + method)).map(Map.Entry::getValue).toList();
  }

  /** Whether the caller called the target (and it answered). */
  boolean calledTarget() {
    Target t = target;
    return t != null && t.to() != null;
  }

  /** Waits up to 20 s for {@code condition}; failing, lists every message the caller received. */
  void await(String what, BooleanSupplier condition) {
    try {
      Awaitility.await(what).atMost(PATIENCE).pollInterval(POLL).until(condition::getAsBoolean);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(e.getMessage() + "; received:\n" + String.join("\n", received), e);
    }
  }

  @Override
  public void close() {
    socket.close();
  }

  // ---- the wire -----------------------------------------------------------------------------------------------

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
      received.add(text);
      try {
        handle(text, packet.getPort());
      } catch (RuntimeException e) {
        // a test phone ignores what it does not understand
      }
    }
  }

  private void handle(String text, int sourcePort) {
    String id = header(text, "Call-ID");
    if (text.startsWith("SIP/2.0 ")) {
      int status = Integer.parseInt(text.substring(8, 11));
      String cseqValue = header(text, "CSeq");
      if (status < 200) {
        return;
      }
      responses.put(id + " " + cseqValue, text);
      if (cseqValue.endsWith(" INVITE") && status < 300) {
        invited(id, text);
      }
      return;
    }
    String method = text.substring(0, text.indexOf(' '));
    switch (method) {
      case "ACK" -> { }
      case "REFER" -> refer(text);
      case "INVITE" -> send(sourcePort, response(text, 200, "OK", contact() + "Content-Type: application/sdp\r\n"),
          SDP);
      default -> send(sourcePort, response(text, 200, "OK", ""), "");
    }
  }

  /** A 2xx to an INVITE: the server's answer, or the target's. Either is acknowledged. */
  private void invited(String id, String ok) {
    String remoteContact = uriOf(header(ok, "Contact"));
    if (id.equals(callId)) { // every 2xx is acknowledged, retransmissions too
      serverTo = header(ok, "To");
      serverTarget = remoteContact;
      send(serverPort, "ACK " + remoteContact + " SIP/2.0\r\n" + via() + "From: " + from + "\r\nTo: "
          + header(ok, "To") + "\r\nCall-ID: " + callId + "\r\nCSeq: 1 ACK\r\n" + contact()
          + "Max-Forwards: 70\r\n", "");
      return;
    }
    Target t = target;
    if (t == null || !id.equals(t.callId())) {
      return;
    }
    Target answered = t.answered(header(ok, "To"), remoteContact);
    boolean first = t.to() == null;
    target = answered;
    send(t.port(), "ACK " + remoteContact + " SIP/2.0\r\n" + via() + "From: " + t.from() + "\r\nTo: "
        + answered.to() + "\r\nCall-ID: " + t.callId() + "\r\nCSeq: 1 ACK\r\n" + contact()
        + "Max-Forwards: 70\r\n", "");
    if (first) {
      notifyServer(t.referCseq(), "SIP/2.0 200 OK", true);
    }
  }

  private void refer(String refer) {
    if (onRefer == OnRefer.REFUSE) {
      send(serverPort, response(refer, 501, "Not Implemented", ""), "");
      return;
    }
    send(serverPort, response(refer, 202, "Accepted", contact()), "");
    long referCseq = Long.parseLong(header(refer, "CSeq").split(" ")[0]);
    if (!referred.add(referCseq)) {
      return; // a retransmission: answered again, acted on once
    }
    notifyServer(referCseq, "SIP/2.0 100 Trying", false);
    switch (onRefer) {
      case REPORT_BUSY -> notifyServer(referCseq, "SIP/2.0 486 Busy Here", true);
      case CALL_TARGET -> callTarget(refer, referCseq);
      default -> { }
    }
  }

  private void callTarget(String refer, long referCseq) {
    String uri = uriOf(header(refer, "Refer-To"));
    Matcher port = Pattern.compile("^sips?:[^@;>]*@?[^:;>]+:(\\d+)").matcher(uri);
    if (!port.find()) {
      throw new AssertionError("no port in Refer-To " + uri);
    }
    Target t = new Target(UUID.randomUUID() + "@127.0.0.1", "<sip:0501234567@127.0.0.1>;tag=t" + fromTag, uri,
        Integer.parseInt(port.group(1)), null, null, referCseq);
    target = t;
    send(t.port(), "INVITE " + uri + " SIP/2.0\r\n" + via() + "From: " + t.from() + "\r\nTo: <" + uri + ">\r\n"
        + "Call-ID: " + t.callId() + "\r\nCSeq: 1 INVITE\r\n" + contact()
        + "Referred-By: " + header(refer, "Referred-By") + "\r\n"
        + "Max-Forwards: 70\r\nContent-Type: application/sdp\r\n", SDP);
  }

  private void notifyServer(long referCseq, String statusLine, boolean last) {
    sendInDialog("NOTIFY", cseq.incrementAndGet(), "Event: refer;id=" + referCseq + "\r\n"
        + "Subscription-State: " + (last ? "terminated;reason=noresource" : "active;expires=60") + "\r\n"
        + "Content-Type: message/sipfrag\r\n", statusLine + "\r\n");
  }

  private void sendInDialog(String method, int n, String headers, String body) {
    String to = serverTo;
    String uri = serverTarget;
    if (to == null || uri == null) {
      throw new AssertionError("the call is not answered");
    }
    send(serverPort, method + " " + uri + " SIP/2.0\r\n" + via() + "From: " + from + "\r\nTo: " + to + "\r\n"
        + "Call-ID: " + callId + "\r\nCSeq: " + n + " " + method + "\r\n" + contact() + "Max-Forwards: 70\r\n"
        + headers, body);
  }

  private void send(int port, String head, String body) {
    byte[] bytes = (head + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body)
        .getBytes(StandardCharsets.UTF_8);
    try {
      socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String via() {
    return "Via: SIP/2.0/UDP 127.0.0.1:" + port() + ";branch=z9hG4bK" + UUID.randomUUID().toString().replace("-", "")
        + ";rport\r\n";
  }

  private String contact() {
    return "Contact: <sip:caller@127.0.0.1:" + port() + ">\r\n";
  }

  private String awaitResponse(String key) {
    await("a response to " + key, () -> responses.containsKey(key));
    return responses.get(key);
  }

  /** The head of a response to {@code request}, up to the Content-Length that {@link #send} adds. */
  private static String response(String request, int status, String reason, String headers) {
    List<String> vias = new ArrayList<>();
    for (String line : request.split("\r\n")) {
      if (line.regionMatches(true, 0, "Via:", 0, 4)) {
        vias.add(line);
      }
    }
    String to = header(request, "To");
    if (!to.contains(";tag=")) {
      to = to + ";tag=x" + UUID.randomUUID().toString().substring(0, 8);
    }
    return "SIP/2.0 " + status + " " + reason + "\r\n" + String.join("\r\n", vias) + "\r\n"
        + "From: " + header(request, "From") + "\r\nTo: " + to + "\r\nCall-ID: " + header(request, "Call-ID")
        + "\r\nCSeq: " + header(request, "CSeq") + "\r\n" + headers;
  }

  /** The URI inside {@code <>} of a name-addr, or the header itself. */
  private static String uriOf(String nameAddr) {
    Matcher m = Pattern.compile("<([^>]+)>").matcher(nameAddr);
    return m.find() ? m.group(1) : nameAddr.strip();
  }

  static String header(String message, String name) {
    for (String line : message.split("\r\n")) {
      if (line.isEmpty()) {
        break;
      }
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
        return line.substring(colon + 1).strip();
      }
    }
    return "";
  }
}
