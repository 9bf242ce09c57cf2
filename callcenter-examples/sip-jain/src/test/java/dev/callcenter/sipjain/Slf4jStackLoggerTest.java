package dev.callcenter.sipjain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Slf4jStackLoggerTest {
  @Test
  void aWholePacketInAnErrorIsCutToABoundedLengthThatSaysHowMuchWasLeftOut() {
    String packet = "Error while processing incoming UDP packet" + "[83, 73, 80".repeat(6_000);

    String logged = Slf4jStackLogger.bounded(packet);

    assertThat(logged).startsWith("Error while processing incoming UDP packet")
        .endsWith("... [" + (packet.length() - Slf4jStackLogger.MAX_MESSAGE) + " more characters]")
        .hasSizeLessThan(Slf4jStackLogger.MAX_MESSAGE + 40);
  }

  @Test
  void ordinaryMessagesAreLoggedAsTheyAre() {
    assertThat(Slf4jStackLogger.bounded("Dialog not found")).isEqualTo("Dialog not found");
  }
}
