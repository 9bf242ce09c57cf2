package dev.callcenter.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Free ports and scenario files for the server's SIPp test (finding and running SIPp is
 * {@link dev.callcenter.testkit.ExternalTool} and {@link dev.callcenter.testkit.ExternalProcess}). The scenarios
 * {@code agent_register.xml}, {@code agent_hangs_up.xml} and {@code agent_waits.xml} are copies of
 * {@code callcenter-sip-jain}'s; the callers ({@code server_caller_*.xml}) call as the sample customer
 * +966501112233, whom the server's IVR knows by caller id.
 */
final class Sipp {
  private Sipp() {}

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

  /** The scenario {@code /sipp/<name>} from the class path, as a file in {@code dir} that SIPp can read. */
  static String scenario(String name, Path dir) {
    try (InputStream in = Sipp.class.getResourceAsStream("/sipp/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no SIPp scenario " + name);
      }
      Path file = dir.resolve(name);
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      return file.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
