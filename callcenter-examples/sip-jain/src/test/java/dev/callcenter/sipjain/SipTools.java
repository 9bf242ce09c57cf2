package dev.callcenter.sipjain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * Free ports and SIPp scenario files for the SIP tests. Finding and running the tools themselves is
 * {@link dev.callcenter.testkit.ExternalTool} and {@link dev.callcenter.testkit.ExternalProcess}.
 */
final class SipTools {
  private SipTools() {}

  /** A port free for both UDP and TCP on 127.0.0.1 right now. */
  static int freePort() {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    for (int attempt = 0; attempt < 50; attempt++) {
      try (DatagramSocket udp = new DatagramSocket(0, loopback)) {
        int port = udp.getLocalPort();
        try (ServerSocket tcp = new ServerSocket(port, 1, loopback)) {
          return tcp.getLocalPort();
        } catch (IOException busy) {
          // try another
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new IllegalStateException("no free port found");
  }

  static String scenario(String name) {
    URL url = SipTools.class.getResource("/sipp/" + name);
    if (url == null) {
      throw new IllegalArgumentException("no scenario " + name);
    }
    try {
      return Path.of(url.toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
