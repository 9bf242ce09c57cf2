package dev.callcenter.sipjain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** A bare SIP client over UDP that writes requests by hand, for registrar and robustness tests. */
final class RawSip implements AutoCloseable {
  private final DatagramSocket socket;
  private final int serverPort;
  private int cseq;
  private final String callId = UUID.randomUUID() + "@127.0.0.1";

  RawSip(int serverPort) {
    this.serverPort = serverPort;
    try {
      socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      socket.setSoTimeout(3000);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int localPort() {
    return socket.getLocalPort();
  }

  record Response(int status, String text) {
    List<String> headers(String name) {
      List<String> values = new ArrayList<>();
      for (String line : text.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
          values.add(line.substring(colon + 1).strip());
        }
      }
      return values;
    }

    /** The challenge for {@code algorithm}. */
    Challenge challenge(String algorithm) {
      for (String value : headers("WWW-Authenticate")) {
        Challenge c = Challenge.parse(value);
        if (c.algorithm().equalsIgnoreCase(algorithm)) {
          return c;
        }
      }
      throw new AssertionError("no " + algorithm + " challenge in\n" + text);
    }
  }

  record Challenge(String realm, String nonce, String algorithm, boolean stale) {
    static Challenge parse(String header) {
      return new Challenge(param(header, "realm"), param(header, "nonce"), param(header, "algorithm"),
          "true".equalsIgnoreCase(param(header, "stale")));
    }

    private static String param(String header, String name) {
      Matcher m = Pattern.compile("(?i)[ ,]" + name + "=\"?([^\",]*)\"?").matcher(" " + header.substring(7));
      return m.find() ? m.group(1) : "";
    }
  }

  void sendRaw(byte[] bytes) {
    try {
      socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), serverPort));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The next response, skipping provisional ones; null when none arrives in time. */
  @Nullable Response receive(Duration wait) {
    byte[] buffer = new byte[65535];
    long deadline = System.nanoTime() + wait.toNanos();
    try {
      while (System.nanoTime() < deadline) {
        socket.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
          socket.receive(packet);
        } catch (SocketTimeoutException e) {
          return null;
        }
        String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
        if (!text.startsWith("SIP/2.0 ")) {
          continue;
        }
        int status = Integer.parseInt(text.substring(8, 11));
        if (status >= 200) {
          return new Response(status, text);
        }
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Response options() {
    sendRaw(request("OPTIONS", "sip:ping@127.0.0.1:" + serverPort, "ping", null, null).getBytes(StandardCharsets.UTF_8));
    Response response = receive(Duration.ofSeconds(3));
    if (response == null) {
      throw new AssertionError("no answer to OPTIONS");
    }
    return response;
  }

  /** Sends REGISTER for {@code aor} with an optional Authorization header and returns the final response. */
  Response register(String aor, @Nullable String authorization, int expires) {
    String extra = "Contact: <sip:" + aor + "@127.0.0.1:" + localPort() + ">\r\nExpires: " + expires + "\r\n";
    sendRaw(request("REGISTER", registrarUri(), aor, authorization, extra).getBytes(StandardCharsets.UTF_8));
    Response response = receive(Duration.ofSeconds(3));
    if (response == null) {
      throw new AssertionError("no answer to REGISTER");
    }
    return response;
  }

  String registrarUri() {
    return "sip:127.0.0.1:" + serverPort;
  }

  /** An Authorization header answering {@code challenge} as {@code user} with {@code password}. */
  String authorization(Challenge challenge, String user, String realm, String password, int nonceCount) {
    return authorization(challenge, user, realm, password, nonceCount, registrarUri());
  }

  /** As above, with a right response for the digest {@code uri}, whatever the Request-URI is. */
  String authorization(Challenge challenge, String user, String realm, String password, int nonceCount,
      String uri) {
    String algorithm = challenge.algorithm();
    String ha1 = DigestChallenges.ha1(algorithm, user, realm, password);
    String ha2 = DigestChallenges.hash(algorithm, "REGISTER:" + uri);
    String nc = String.format(Locale.ROOT, "%08x", nonceCount);
    String cnonce = "c" + Integer.toHexString(nonceCount * 7919);
    String response = DigestChallenges.hash(algorithm, ha1 + ":" + challenge.nonce() + ":" + nc + ":" + cnonce
        + ":auth:" + ha2);
    return "Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + challenge.nonce() + "\", uri=\""
        + uri + "\", response=\"" + response + "\", algorithm=" + algorithm + ", qop=auth, nc=" + nc
        + ", cnonce=\"" + cnonce + "\"";
  }

  private String request(String method, String uri, String user, @Nullable String authorization,
      @Nullable String extra) {
    cseq++;
    return method + " " + uri + " SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP 127.0.0.1:" + localPort() + ";branch=z9hG4bK" + UUID.randomUUID().toString()
            .replace("-", "") + ";rport\r\n"
        + "From: <sip:" + user + "@127.0.0.1>;tag=" + cseq + "f\r\n"
        + "To: <sip:" + user + "@127.0.0.1>\r\n"
        + "Call-ID: " + callId + "\r\n"
        + "CSeq: " + cseq + " " + method + "\r\n"
        + "Max-Forwards: 70\r\n"
        + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
        + (extra == null ? "" : extra)
        + "Content-Length: 0\r\n\r\n";
  }

  @Override
  public void close() {
    socket.close();
  }
}
