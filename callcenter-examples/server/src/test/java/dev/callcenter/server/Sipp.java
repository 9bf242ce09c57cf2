package dev.callcenter.server;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * SIPp for the server's SIP test: finding it, free ports, scenario files and running it with a time limit. The same
 * as the test helpers of {@code callcenter-sip-jain}, which are package-private there and cannot be shared with
 * this module's (module-path) tests; the scenarios {@code agent_register.xml} and {@code agent_hangs_up.xml} are
 * copies of that module's.
 */
final class Sipp {
  record Result(int exitCode, String output) {}

  private Sipp() {}

  /** SIPp's path; the test is skipped when it is missing, except under CI=true where that fails it. */
  static String require() {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "sipp");
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    String reason = "sipp is not installed (Debian: apt-get install -y sip-tester)";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      Assertions.fail(reason + "; CI=true requires it");
    }
    Assumptions.abort(reason + "; test skipped");
    throw new AssertionError("unreachable");
  }

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

  static Process start(List<String> command, Path log) {
    try {
      return new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).redirectOutput(log.toFile())
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for the process up to {@code limit}, killing it then; its exit code (-1 when killed) and output. */
  static Result finish(Process process, Path log, Duration limit) {
    try {
      boolean done = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
      if (!done) {
        process.destroy();
        if (!process.waitFor(2, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
        }
      }
      return new Result(done ? process.exitValue() : -1, Files.readString(log, StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Result run(List<String> command, Path log, Duration limit) {
    return finish(start(command, log), log, limit);
  }
}
