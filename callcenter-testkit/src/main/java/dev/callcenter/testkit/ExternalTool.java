package dev.callcenter.testkit;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds an external tool (SIPp, sipsak, sipvicious, Chromium, ...) on {@code PATH} for a test. A missing tool skips
 * the test with a reason naming the Debian package, except when the environment variable {@code CI} is
 * {@code true} (in any case): there a missing tool fails the test, so CI cannot pass by skipping.
 */
public final class ExternalTool {
  private static final Map<String, String> DEBIAN_PACKAGES = Map.of("sipp", "sip-tester", "sipsak", "sipsak",
      "svwar", "sipvicious", "svcrack", "sipvicious", "svmap", "sipvicious", "chromium", "chromium",
      "chromium-browser", "chromium");

  private ExternalTool() {}

  /** The absolute path of {@code name} on {@code PATH}; skips (or under CI=true fails) the test when missing. */
  public static String require(String name) {
    return requireAny(List.of(name));
  }

  /**
   * The absolute path of the first of {@code names} found on {@code PATH} (e.g. {@code chromium},
   * {@code chromium-browser}); skips (or under CI=true fails) the test when none is there.
   */
  public static String requireAny(List<String> names) {
    if (names.isEmpty()) {
      throw new IllegalArgumentException("names: give at least one tool name");
    }
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String name : names) {
      Optional<Path> found = find(name, path);
      if (found.isPresent()) {
        return found.get().toString();
      }
    }
    missing(missingReason(names), System.getenv("CI"));
    throw new AssertionError("unreachable");
  }

  /** The executable {@code name} in one of the directories of {@code path}, made absolute. */
  static Optional<Path> find(String name, String path) {
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate.toAbsolutePath());
      }
    }
    return Optional.empty();
  }

  static String missingReason(List<String> names) {
    String tool = String.join(" / ", names);
    String debian = DEBIAN_PACKAGES.get(names.get(0));
    return tool + " is not installed on PATH"
        + (debian == null ? "" : " (Debian: apt-get install -y " + debian + ")");
  }

  /** Fails with {@code reason} when {@code ci} is {@code true} (any case); otherwise aborts (skips) the test. */
  static void missing(String reason, @Nullable String ci) {
    if ("true".equalsIgnoreCase(ci)) {
      Assertions.fail(reason + "; CI=true requires it");
    }
    Assumptions.abort(reason + "; test skipped");
  }
}
