package dev.callcenter.sipjain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The G.711 tables, against the JDK's decoders and the ITU-T G.191 reference. */
class G711Test {
  @ParameterizedTest
  @EnumSource(G711.class)
  void everyCodeDecodesAsTheJdkDecodesIt(G711 law) throws IOException {
    byte[] codes = new byte[256];
    for (int i = 0; i < 256; i++) {
      codes[i] = (byte) i;
    }
    AudioFormat format = new AudioFormat(law == G711.ULAW ? AudioFormat.Encoding.ULAW : AudioFormat.Encoding.ALAW,
        8000, 8, 1, 1, 8000, false);
    byte[] linear;
    try (AudioInputStream in = AudioSystem.getAudioInputStream(new AudioFormat(8000, 16, 1, true, false),
        new AudioInputStream(new ByteArrayInputStream(codes), format, 256))) {
      linear = in.readAllBytes();
    }
    for (int code = 0; code < 256; code++) {
      int expected = (short) ((linear[2 * code] & 0xff) | linear[2 * code + 1] << 8);
      assertThat(law.toLinear(code)).as("%s code %d", law, code).isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @EnumSource(G711.class)
  void everyCodeEncodesBackToItself(G711 law) {
    for (int code = 0; code < 256; code++) {
      int expected = law == G711.ULAW && code == 0x7f ? 0xff : code; // mu-law's -0 comes back as +0
      assertThat(law.fromLinear(law.toLinear(code))).as("%s code %d", law, code).isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @EnumSource(G711.class)
  void aTranscodedSampleIsWithinOneStepOfTheOriginal(G711 law) {
    G711 other = law == G711.ULAW ? G711.ALAW : G711.ULAW;
    for (int code = 0; code < 256; code++) {
      int original = other.toLinear(code);
      int transcoded = law.toLinear(law.from(other, (byte) code));
      int step = Math.max(16, Math.abs(original) / 16); // the coarser law's step at this level
      assertThat(Math.abs(transcoded - original)).as("%s code %d (%d -> %d)", other, code, original, transcoded)
          .isLessThanOrEqualTo(step);
    }
  }

  @Test
  void smallNegativeSamplesAreEncodedAsTheG191ReferenceDoes() {
    // mu-law 0x60 is -372: A-law by one's complement, ~(-372) >> 4 = 23, segment 1, step 7: 0x17 ^ 0x55 = 0x42
    // (javax.sound's A-law encoder gives 0x43)
    assertThat(G711.ULAW.toLinear(0x60)).isEqualTo(-372);
    assertThat(G711.ALAW.from(G711.ULAW, (byte) 0x60)).isEqualTo((byte) 0x42);
    assertThat(G711.ALAW.fromLinear(0)).isEqualTo(0xd5);
    assertThat(G711.ULAW.fromLinear(0)).isEqualTo(0xff);
    assertThat(G711.ULAW.fromLinear(Short.MAX_VALUE)).isEqualTo(0x80);
    assertThat(G711.ALAW.fromLinear(Short.MIN_VALUE)).isEqualTo(0x2a);
  }

  @Test
  void payloadTypesNameTheLaws() {
    assertThat(G711.ofPayloadType(Sdp.PCMU)).isEqualTo(G711.ULAW);
    assertThat(G711.ofPayloadType(Sdp.PCMA)).isEqualTo(G711.ALAW);
    assertThat(G711.ULAW.payloadType()).isZero();
    assertThat(G711.ALAW.payloadType()).isEqualTo(8);
  }
}
