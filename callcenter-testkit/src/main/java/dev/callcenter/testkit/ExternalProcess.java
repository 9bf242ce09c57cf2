package dev.callcenter.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external tool for a test with a time limit: standard output and error go to a log file, and a process
 * still running at the limit is killed (gently, then forcibly) and reported with exit code {@link #KILLED}.
 */
public final class ExternalProcess {
  /** The exit code reported for a process killed at its time limit. */
  public static final int KILLED = -1;

  private static final Duration GRACE = Duration.ofSeconds(2);

  /** How a process ended: its exit code ({@link #KILLED} when killed at the limit) and its combined output. */
  public record Result(int exitCode, String output) {
    /** Whether the process was killed at its time limit. */
    public boolean killed() {
      return exitCode == KILLED;
    }
  }

  private ExternalProcess() {}

  /** Starts {@code command} in the background, its output and errors into {@code log}; wait with {@link #finish}. */
  public static Process start(List<String> command, Path log) {
    if (command.isEmpty()) {
      throw new IllegalArgumentException("command: give the program and its arguments");
    }
    try {
      return new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).redirectOutput(log.toFile())
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for {@code process} up to {@code limit}, killing it then; its exit code and the output in {@code log}. */
  public static Result finish(Process process, Path log, Duration limit) {
    try {
      boolean done = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
      if (!done) {
        process.destroy();
        if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly().waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        }
      }
      return new Result(done ? process.exitValue() : KILLED, Files.readString(log, StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + process.info().command().orElse("process"),
          e);
    }
  }

  /** Runs {@code command} to its end or to {@code limit}, logging into {@code log}. */
  public static Result run(List<String> command, Path log, Duration limit) {
    return finish(start(command, log), log, limit);
  }

  /** Runs {@code command} to its end or to {@code limit}, logging into a temporary file deleted afterwards. */
  public static Result run(List<String> command, Duration limit) {
    Path log;
    try {
      log = Files.createTempFile("external-process", ".log");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      return run(command, log, limit);
    } finally {
      try {
        Files.deleteIfExists(log);
      } catch (IOException ignored) {
        // a leftover temporary file does not change the result
      }
    }
  }
}
