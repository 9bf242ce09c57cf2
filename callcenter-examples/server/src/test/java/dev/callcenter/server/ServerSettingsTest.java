package dev.callcenter.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.core.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerSettingsTest {
  private static ServerSettings from(Map<String, String> env, String... args) {
    return ServerSettings.from(args, env);
  }

  @Test
  void trueAndFalseAreAcceptedInAnyCaseAndNothingElse() {
    assertThat(from(Map.of(), "--sample-data", "FALSE").sampleData()).isFalse();
    assertThat(from(Map.of("CALLCENTER_SAMPLE_DATA", "True")).sampleData()).isTrue();
    assertThat(from(Map.of(), "--db-url", "jdbc:postgresql://db/cc", "--sample-data").sampleData()).isTrue();
    for (String bad : new String[] {"yes", "1", "on", ""}) {
      assertThatThrownBy(() -> from(Map.of("CALLCENTER_SAMPLE_DATA", bad)))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("sampleData").hasMessageContaining("true or false")
          .hasMessageContaining("CALLCENTER_SAMPLE_DATA");
    }
    assertThatThrownBy(() -> from(Map.of(), "--sample-data=yes")).hasMessageContaining("--sample-data");
  }

  @Test
  void anUnknownFlagIsRefusedWithTheKnownOnes() {
    assertThatThrownBy(() -> from(Map.of(), "--prot", "9090"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("unknown flag --prot")
        .hasMessageContaining("--port").hasMessageContaining("--db-url").hasMessageContaining("--sample-data");
    assertThatThrownBy(() -> from(Map.of(), "--port", "9090", "--sampledata", "--x=1"))
        .hasMessageContaining("unknown flags --sampledata, --x");
    assertThat(from(Map.of(), "--port", "9090").port()).isEqualTo(9090);
  }

  @Test
  void sampleDataIsOnByDefaultOnlyForEmbeddedDatabases() {
    assertThat(from(Map.of()).sampleData()).as("H2 in the data directory").isTrue();
    assertThat(from(Map.of(), "--db-url", "memory").sampleData()).isTrue();
    assertThat(from(Map.of(), "--db-url", "jdbc:h2:mem:x").sampleData()).isTrue();
    assertThat(from(Map.of("CALLCENTER_DB_URL", "jdbc:postgresql://127.0.0.1:5432/cc")).sampleData()).isFalse();
    assertThat(from(Map.of(), "--db-url", "jdbc:postgresql://127.0.0.1:5432/cc", "--sample-data", "true")
        .sampleData()).isTrue();
  }

  @Test
  void sipRingingIsADurationWithAUnitAndAtMostAMinute() {
    assertThat(from(Map.of()).sip().ringing()).as("answered at once by default").isZero();
    assertThat(from(Map.of(), "--sip-ringing", "500ms").sip().ringing()).isEqualTo(Duration.ofMillis(500));
    assertThat(from(Map.of("CALLCENTER_SIP_RINGING", "2s")).sip().ringing()).isEqualTo(Duration.ofSeconds(2));
    assertThat(from(Map.of("CALLCENTER_SIP_RINGING", "2s"), "--sip-ringing=PT1.5S").sip().ringing())
        .as("the flag wins").isEqualTo(Duration.ofMillis(1500));
    assertThat(from(Map.of(), "--sip-ringing", "60s").sip().ringing()).isEqualTo(ServerSettings.MAX_SIP_RINGING);
    assertThat(from(Map.of(), "--sip-ringing", "2s").toString()).contains("ringing PT2S");
    for (String bad : new String[] {"2", "-1s", "1.5s", "two seconds", "PT", ""}) {
      assertThatThrownBy(() -> from(Map.of("CALLCENTER_SIP_RINGING", bad)))
          .as(bad).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("sipRinging").hasMessageContaining("500ms").hasMessageContaining("--sip-ringing")
          .hasMessageContaining("CALLCENTER_SIP_RINGING").hasMessageContaining("'" + bad + "'");
    }
    assertThatThrownBy(() -> from(Map.of(), "--sip-ringing", "61s")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("sipRinging").hasMessageContaining("0 to 60 seconds");
    assertThatThrownBy(() -> from(Map.of(), "--sip-ringing", "PT-1S")).hasMessageContaining("0 to 60 seconds");
    assertThat(from(Map.of(), "--sip-port", "off", "--sip-ringing", "2s").sip()).as("read, unused").isNull();
  }

  @Test
  void sipPromptAudioIsAnExistingDirectoryAndReferIsOffUnlessAsked(@TempDir Path recordings) {
    ServerSettings.Sip plain = from(Map.of()).sip();
    assertThat(plain.promptAudio()).as("prompts reported as played by default").isNull();
    assertThat(plain.referTransfers()).as("back-to-back transfers by default").isFalse();

    ServerSettings.Sip asked = from(Map.of("CALLCENTER_SIP_PROMPT_AUDIO", recordings.toString()), "--sip-refer",
        "TRUE").sip();
    assertThat(asked.promptAudio()).isEqualTo(recordings);
    assertThat(asked.referTransfers()).isTrue();
    assertThat(from(Map.of(), "--sip-prompt-audio", recordings.toString()).toString())
        .contains("prompt audio " + recordings);

    Path missing = recordings.resolve("missing");
    assertThatThrownBy(() -> from(Map.of(), "--sip-prompt-audio", missing.toString()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("sipPromptAudio")
        .hasMessageContaining("existing directory").hasMessageContaining("--sip-prompt-audio")
        .hasMessageContaining(missing.toString());
    assertThatThrownBy(() -> from(Map.of("CALLCENTER_SIP_REFER", "yes")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("sipRefer")
        .hasMessageContaining("CALLCENTER_SIP_REFER").hasMessageContaining("'yes'");
  }

  @Test
  void anAdminTokenOnTheCommandLineIsWarnedAboutButNeverLogged() {
    String token = "cli-admin-token-0123456789abcdef";
    String fromFlag = stderrWhile(() -> assertThat(from(Map.of(), "--admin-token", token).adminToken())
        .isEqualTo(token));
    assertThat(fromFlag).contains("--admin-token").contains("CALLCENTER_ADMIN_TOKEN").doesNotContain(token);
    String fromEnv = stderrWhile(() -> from(Map.of("CALLCENTER_ADMIN_TOKEN", token)));
    assertThat(fromEnv).doesNotContain("--admin-token").doesNotContain(token);
  }

  private static String stderrWhile(Runnable action) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
