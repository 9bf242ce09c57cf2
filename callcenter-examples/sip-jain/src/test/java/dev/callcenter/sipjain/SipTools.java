package dev.callcenter.sipjain;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Finding the SIP tools, free ports and scenario files; running a tool with a time limit. */
final class SipTools {
  private SipTools() {}

  /** The tool's path; skips the test when it is missing, except under CI=true where that fails it. */
  static String require(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, tool);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    String reason = tool + " is not installed (Debian: apt-get install -y sip-tester sipsak sipvicious)";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(reason + "; CI=true requires it");
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

  record Result(int exitCode, String output) {}

  /** Runs a command, killing it after {@code limit}; returns its exit code (-1 when killed) and output. */
  static Result run(List<String> command, Duration limit) {
    try {
      Path out = Files.createTempFile("siptool", ".log");
      Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
          .redirectOutput(out.toFile()).start();
      boolean done = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
      if (!done) {
        process.destroy();
        if (!process.waitFor(2, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
        }
      }
      String output = Files.readString(out, StandardCharsets.ISO_8859_1);
      Files.deleteIfExists(out);
      return new Result(done ? process.exitValue() : -1, output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Starts a command in the background; the caller waits for it with {@link #finish}. */
  static Process start(List<String> command, Path log) {
    try {
      return new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).redirectOutput(log.toFile())
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

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
}
