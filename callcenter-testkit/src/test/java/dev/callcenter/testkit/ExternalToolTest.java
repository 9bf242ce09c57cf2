package dev.callcenter.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class ExternalToolTest {
  @TempDir
  Path dir;

  @Test
  void aRunReturnsTheExitCodeAndTheOutput() {
    ExternalProcess.Result result = ExternalProcess.run(List.of("sh", "-c", "echo hi; echo oops >&2; exit 3"),
        Duration.ofSeconds(30));

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.killed()).isFalse();
    assertThat(result.output()).contains("hi").contains("oops");
  }

  @Test
  void aProcessStillRunningAtTheLimitIsKilled() {
    Path log = dir.resolve("sleep.log");
    long started = System.nanoTime();

    ExternalProcess.Result result = ExternalProcess.run(List.of("sh", "-c", "echo started; exec sleep 60"), log,
        Duration.ofMillis(500));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    assertThat(result.exitCode()).isEqualTo(ExternalProcess.KILLED);
    assertThat(result.killed()).isTrue();
    assertThat(result.output()).contains("started");
  }

  @Test
  void aStartedProcessIsFinishedLater() {
    Path log = dir.resolve("later.log");
    Process process = ExternalProcess.start(List.of("sh", "-c", "echo later"), log);

    ExternalProcess.Result result = ExternalProcess.finish(process, log, Duration.ofSeconds(30));

    assertThat(result).isEqualTo(new ExternalProcess.Result(0, "later\n"));
  }

  @Test
  void aToolIsFoundOnThePathAsAnAbsolutePath() throws IOException {
    Path tool = Files.createFile(dir.resolve("mytool"), PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rwxr-xr-x")));
    Files.createFile(dir.resolve("notexecutable"));

    assertThat(ExternalTool.find("mytool", "/nonexistent:" + dir)).contains(tool.toAbsolutePath());
    assertThat(ExternalTool.find("notexecutable", dir.toString())).isEmpty();
    assertThat(ExternalTool.find("missing", dir.toString())).isEmpty();
  }

  @Test
  void aToolOnTheRealPathIsRequiredByName() {
    assertThat(Path.of(ExternalTool.require("sh"))).isAbsolute().isExecutable();
  }

  @Test
  void aMissingToolSkipsOutsideCi() {
    for (String ci : new String[] {null, "", "false", "1"}) {
      assertThatThrownBy(() -> ExternalTool.missing("sipp is not installed", ci))
          .as("CI=%s", ci).isInstanceOf(TestAbortedException.class).hasMessageContaining("sipp is not installed")
          .hasMessageContaining("skipped");
    }
  }

  @Test
  void aMissingToolFailsUnderCiTrueInAnyCase() {
    for (String ci : List.of("true", "TRUE", "True")) {
      assertThatThrownBy(() -> ExternalTool.missing("sipp is not installed", ci))
          .as("CI=%s", ci).isInstanceOf(AssertionFailedError.class).hasMessageContaining("sipp is not installed")
          .hasMessageContaining("CI=true requires it");
    }
  }

  @Test
  void theReasonNamesTheDebianPackage() {
    assertThat(ExternalTool.missingReason(List.of("sipp"))).contains("sipp").contains("apt-get install -y sip-tester");
    assertThat(ExternalTool.missingReason(List.of("svwar"))).contains("sipvicious");
    assertThat(ExternalTool.missingReason(List.of("chromium", "google-chrome")))
        .contains("chromium / google-chrome").contains("apt-get install -y chromium");
    assertThat(ExternalTool.missingReason(List.of("unknown-tool"))).isEqualTo("unknown-tool is not installed on PATH");
  }
}
