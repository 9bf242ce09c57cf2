package dev.callcenter.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Scenario files for the server's SIPp tests (free ports are {@link dev.callcenter.testkit.LoopbackPorts};
 * finding and running SIPp is {@link dev.callcenter.testkit.ExternalTool} and
 * {@link dev.callcenter.testkit.ExternalProcess}). The scenarios
 * {@code agent_register.xml}, {@code agent_hangs_up.xml} and {@code agent_waits.xml} are copies of
 * {@code callcenter-sip-jain}'s; the callers ({@code server_caller_*.xml}) call as the sample customer
 * +966501112233, whom the server's IVR knows by caller id.
 */
final class Sipp {
  private Sipp() {}

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
