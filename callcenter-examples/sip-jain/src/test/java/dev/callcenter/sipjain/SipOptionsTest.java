package dev.callcenter.sipjain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.testkit.ExternalProcess;
import dev.callcenter.testkit.ExternalProcess.Result;
import dev.callcenter.testkit.ExternalTool;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SipOptionsTest {
  private final SipServer server = new SipServer();

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void optionsIsAnsweredOverUdpAndTcpWithoutASoftwareVersion() {
    String sipsak = ExternalTool.require("sipsak");
    for (String transport : List.of("udp", "tcp")) {
      Result result = ExternalProcess.run(List.of(sipsak, "-vv", "--transport=" + transport,
          "-s", "sip:ping@" + server.target()), Duration.ofSeconds(15));

      assertThat(result.output()).as(transport).contains("SIP/2.0 200 OK");
      assertThat(result.exitCode()).as(transport + ": " + result.output()).isZero();
      assertThat(result.output()).doesNotContainPattern("(?im)^(Server|User-Agent):.*[0-9]+\\.[0-9]+");
    }
  }
}
