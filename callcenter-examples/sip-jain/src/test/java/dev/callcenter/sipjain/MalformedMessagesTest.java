package dev.callcenter.sipjain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Broken, hostile and random messages leave the server answering OPTIONS. */
@Timeout(120)
class MalformedMessagesTest {
  private final SipServer server = new SipServer();
  private final RawSip phone = new RawSip(server.port);

  @AfterEach
  void close() {
    phone.close();
    server.close();
  }

  static List<String> malformed(int port) {
    String via = "Via: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bKbad\r\n";
    String base = via + "From: <sip:a@b>;tag=1\r\nTo: <sip:c@d>\r\nCall-ID: bad@x\r\nCSeq: 1 INVITE\r\n";
    return List.of(
        "",
        "\r\n\r\n",
        "INVITE sip:x SIP/2.0\r\n\r\n",
        "INVITE sip:100@127.0.0.1:" + port + " SIP/2.0\r\n" + base + "Content-Length: 99999\r\n\r\nv=0",
        "INVITE sip:100@127.0.0.1:" + port + " SIP/2.0\r\n" + base
            + "Content-Type: application/sdp\r\nContent-Length: 16\r\n\r\nm=audio abc RTP\r\n",
        "SIP/2.0 200 OK\r\n" + base + "Content-Length: 0\r\n\r\n",
        "OPTIONS sip:x SIP/2.0\r\nVia: garbage\r\n\r\n",
        "REGISTER sip:127.0.0.1 SIP/2.0\r\n" + via.replace("bad", "bad2")
            + "From: <sip:1001@b>;tag=1\r\nTo: <sip:1001@b>\r\nCall-ID: r@x\r\nCSeq: 1 REGISTER\r\n"
            + "Authorization: Digest\r\nContent-Length: 0\r\n\r\n",
        "REGISTER sip:127.0.0.1 SIP/2.0\r\n" + via.replace("bad", "bad3")
            + "From: <sip:1001@b>;tag=1\r\nTo: <sip:1001@b>\r\nCall-ID: r2@x\r\nCSeq: 1 REGISTER\r\n"
            + "Authorization: Digest username=\"1001\", realm=\"callcenter.test\", nonce=\"!!\", uri=\"sip:x\", "
            + "response=\"00\", qop=auth, nc=zz, cnonce=\"c\"\r\nContent-Length: 0\r\n\r\n",
        "INFO sip:100@127.0.0.1 SIP/2.0\r\n" + via.replace("bad", "bad4")
            + "From: <sip:a@b>;tag=1\r\nTo: <sip:c@d>;tag=2\r\nCall-ID: nobody@x\r\nCSeq: 2 INFO\r\n"
            + "Content-Type: application/dtmf-relay\r\nContent-Length: 10\r\n\r\nSignal=\u0000\r\n",
        "INVITE sip:100@127.0.0.1 SIP/2.0\r\n" + "X-Long: " + "A".repeat(60_000) + "\r\n\r\n",
        "\u00ff\u00fe\u0000SIP/2.0\u0000\r\n\r\n");
  }

  @Test
  void malformedMessagesOverUdpLeaveOptionsAnswered() {
    for (String message : malformed(server.port)) {
      phone.sendRaw(message.getBytes(StandardCharsets.ISO_8859_1));
    }
    Random random = new Random(42);
    for (int i = 0; i < 300; i++) {
      byte[] noise = new byte[1 + random.nextInt(1400)];
      random.nextBytes(noise);
      if (i % 3 == 0) { // a plausible start, then noise
        byte[] head = "INVITE sip:100@127.0.0.1 SIP/2.0\r\nVia: ".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, noise, 0, Math.min(head.length, noise.length));
      }
      phone.sendRaw(noise);
    }

    drain();
    assertThat(phone.options().status()).isEqualTo(200);
  }

  @Test
  void malformedAndStalledTcpConnectionsLeaveOptionsAnswered() throws IOException {
    try (Socket stalled = new Socket(InetAddress.getLoopbackAddress(), server.port)) {
      stalled.getOutputStream().write("OPTIONS sip:x SIP/2.0\r\nVia: SIP/2.0/TCP 127".getBytes(StandardCharsets.US_ASCII));
      for (String message : malformed(server.port)) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port)) {
          OutputStream out = socket.getOutputStream();
          out.write(message.getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
        } catch (IOException e) {
          // the server may close a connection it cannot read: that is allowed
        }
      }
      drain();
      assertThat(phone.options().status()).isEqualTo(200);
    }
  }

  private void drain() {
    while (phone.receive(Duration.ofMillis(300)) != null) {
      // answers to the broken requests that could be answered
    }
  }
}
