package dev.callcenter.sipjain;

import dev.callcenter.testkit.ExternalProcess;
import dev.callcenter.testkit.ExternalProcess.Result;
import dev.callcenter.testkit.ExternalTool;
import dev.callcenter.testkit.LoopbackPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs SIPp scenarios against a {@link SipServer}. */
final class Sipp {
  private final String sipp = ExternalTool.require("sipp");
  private final SipServer server;

  Sipp(SipServer server) {
    this.server = server;
  }

  /** A SIPp command for {@code scenario}; {@code extra} are more options such as {@code -key name value}. */
  List<String> command(String scenario, String transport, int calls, String... extra) {
    return command(scenario, transport, calls, Duration.ofSeconds(60), extra);
  }

  /** As {@link #command(String, String, int, String...)}, ending the whole run after {@code timeout}. */
  List<String> command(String scenario, String transport, int calls, Duration timeout, String... extra) {
    List<String> command = new ArrayList<>(List.of(sipp, server.target(), "-sf", SipTools.scenario(scenario),
        "-i", "127.0.0.1", "-p", String.valueOf(LoopbackPorts.free()), "-mi", "127.0.0.1",
        "-mp", String.valueOf(LoopbackPorts.free()), "-t", transport.equals("tcp") ? "t1" : "u1",
        "-m", String.valueOf(calls), "-key", "service", "100", "-nostdin", "-timeout", timeout.toSeconds() + "s",
        "-timeout_error",
        "-max_recv_loops", "1000"));
    command.addAll(List.of(extra));
    return command;
  }

  /** The UAS command: answers on {@code port}. */
  List<String> uas(String scenario, int port, String transport, String extension) {
    return new ArrayList<>(List.of(sipp, "-sf", SipTools.scenario(scenario), "-i", "127.0.0.1",
        "-p", String.valueOf(port), "-mi", "127.0.0.1", "-mp", String.valueOf(LoopbackPorts.free()),
        "-t", transport.equals("tcp") ? "t1" : "u1", "-m", "1", "-key", "extension", extension, "-nostdin",
        "-timeout", "60s", "-timeout_error"));
  }

  Result run(List<String> command, Duration limit) {
    return ExternalProcess.run(command, limit);
  }

  Running start(List<String> command) {
    try {
      Path log = Files.createTempFile("sipp", ".log");
      return new Running(ExternalProcess.start(command, log), log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  record Running(Process process, Path log) {
    Result finish(Duration limit) {
      return ExternalProcess.finish(process, log, limit);
    }
  }
}
