package dev.callcenter.sipjain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.testkit.ExternalProcess;
import dev.callcenter.testkit.ExternalProcess.Result;
import dev.callcenter.testkit.ExternalTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The registrar under attack by sipvicious (svwar, svcrack) and checked by sipsak. */
@Timeout(180)
class SipviciousTest {
  private final SipServer server = new SipServer(b -> b.digestAlgorithms("MD5", "SHA-256")); // the tools know MD5

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void svwarFindsNoExtension() {
    String svwar = ExternalTool.require("svwar");
    Result scan = ExternalProcess.run(List.of(svwar, "-e1000-1010", "-m", "REGISTER",
        "udp://127.0.0.1:" + server.port), Duration.ofSeconds(90));

    assertThat(scan.output()).as(scan.output()).doesNotContainPattern("\\| *100[12] *\\|");
    assertThat(scan.output()).doesNotContain("reqauth").doesNotContain("noauth");
  }

  @Test
  void svcrackIsLockedOutBeforeItReachesThePassword(@TempDir Path dir) throws IOException {
    String svcrack = ExternalTool.require("svcrack");
    List<String> guesses = new ArrayList<>();
    IntStream.range(0, 20).forEach(i -> guesses.add("guess" + i));
    guesses.add(SipServer.PASSWORD_1001);
    Path dictionary = Files.write(dir.resolve("passwords.txt"), guesses);

    Result crack = ExternalProcess.run(List.of(svcrack, "-u", "1001", "-d", dictionary.toString(),
        "udp://127.0.0.1:" + server.port), Duration.ofSeconds(15)); // locked out, svcrack retries until killed

    assertThat(crack.output()).as(crack.output()).doesNotContain(SipServer.PASSWORD_1001);
    try (RawSip phone = new RawSip(server.port)) {
      assertThat(phone.register("1001", null, 600).status()).as("locked out from this address").isEqualTo(403);
    }
  }

  @Test
  void sipsakRegistersWithTheRightPasswordAndNotWithAWrongOne() {
    String sipsak = ExternalTool.require("sipsak");
    String uri = "sip:1001@" + server.target();

    Result wrong = ExternalProcess.run(List.of(sipsak, "-vv", "-U", "-x", "600", "-C", "sip:1001@127.0.0.1:5999", "-u", "1001", "-a",
        "not-the-password", "-s", uri), Duration.ofSeconds(30));
    assertThat(wrong.exitCode()).as(wrong.output()).isNotZero();
    assertThat(wrong.output()).contains("SIP/2.0 403 Forbidden").doesNotContain("SIP/2.0 200 OK");
    assertThat(server.sip.registrations().find("1001")).isEmpty();

    Result right = ExternalProcess.run(List.of(sipsak, "-vv", "-U", "-x", "600", "-C", "sip:1001@127.0.0.1:5999", "-u", "1001", "-a",
        SipServer.PASSWORD_1001, "-s", uri), Duration.ofSeconds(30));
    assertThat(right.output()).as(right.output()).contains("All usrloc tests completed successful");
    assertThat(right.exitCode()).as(right.output()).isZero(); // sipsak removes its binding again at the end
  }
}
