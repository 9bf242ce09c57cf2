package dev.callcenter.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Ports on 127.0.0.1 for servers and tools under test, such as a SIP transport and the SIPp peers it talks to. */
public final class LoopbackPorts {
  private LoopbackPorts() {}

  /**
   * A port free for both UDP and TCP on 127.0.0.1 right now (SIP listens on both). Another process may still take it
   * before the caller binds it; tests bind at once.
   */
  public static int free() {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    for (int attempt = 0; attempt < 50; attempt++) {
      try (DatagramSocket udp = new DatagramSocket(0, loopback)) {
        int port = udp.getLocalPort();
        try (ServerSocket tcp = new ServerSocket(port, 1, loopback)) {
          return tcp.getLocalPort();
        } catch (IOException busy) {
          // taken for TCP: try another
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new IllegalStateException("no port free for both UDP and TCP on 127.0.0.1 after 50 attempts");
  }
}
