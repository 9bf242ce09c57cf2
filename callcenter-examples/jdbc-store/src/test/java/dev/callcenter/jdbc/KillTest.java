package dev.callcenter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.core.CallId;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A writer killed with SIGKILL loses nothing it acknowledged, on an H2 file database. */
class KillTest {
  @TempDir
  Path dataDir;

  @Test
  void aKilledProcessLosesNothingItAcknowledged() throws Exception {
    String url = "jdbc:h2:file:" + dataDir.resolve("killed").toAbsolutePath();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process writer = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", KilledWriter.class.getName(), url)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    int lastAcked = -1;
    List<String> lines = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        lines.add(line);
        if (line.startsWith("acked ")) {
          lastAcked = Integer.parseInt(line.substring("acked ".length()));
          if (lastAcked >= 150) {
            writer.destroyForcibly(); // SIGKILL: no shutdown hooks, no clean close
            break;
          }
        }
      }
    } finally {
      writer.destroyForcibly();
      assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(lastAcked).as("the writer's output: %s", lines).isGreaterThanOrEqualTo(150);
    assertThat(new File(dataDir.toFile(), "killed.mv.db")).exists();

    try (JdbcStores reopened = JdbcStores.open(url)) {
      for (int i = 0; i <= lastAcked; i++) {
        assertThat(reopened.calls().find(CallId.of("k-" + i))).as("call k-%d", i).isPresent();
      }
      assertThat(reopened.eventLog().lastSequence()).isGreaterThanOrEqualTo(lastAcked + 1L);
      assertThat(reopened.eventLog().readAfter(0, 10_000)).extracting(e -> e.sequence())
          .startsWith(1L, 2L, 3L)
          .hasSize((int) reopened.eventLog().lastSequence());
    }
  }
}
