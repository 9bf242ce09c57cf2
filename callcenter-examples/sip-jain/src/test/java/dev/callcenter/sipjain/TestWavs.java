package dev.callcenter.sipjain;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** WAV files written at test time: tones encoded by the JDK's G.711 codecs, and headers written by hand. */
final class TestWavs {
  static final int ULAW = 7;
  static final int ALAW = 6;
  static final int PCM = 1;

  private TestWavs() {}

  /** {@code samples} samples of a 400 Hz tone, encoded by {@code javax.sound} in G.711 {@code format}. */
  static byte[] tone(int format, int samples) {
    byte[] pcm = new byte[2 * samples];
    for (int i = 0; i < samples; i++) {
      short value = (short) Math.round(Math.sin(2 * Math.PI * 400 * i / 8000.0) * 12_000);
      pcm[2 * i] = (byte) value;
      pcm[2 * i + 1] = (byte) (value >> 8);
    }
    AudioFormat linear = new AudioFormat(8000, 16, 1, true, false);
    AudioFormat g711 = new AudioFormat(format == ULAW ? AudioFormat.Encoding.ULAW : AudioFormat.Encoding.ALAW, 8000, 8,
        1, 1, 8000, false);
    try (AudioInputStream in = AudioSystem.getAudioInputStream(g711,
        new AudioInputStream(new ByteArrayInputStream(pcm), linear, samples))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A G.711 WAV file (8000 Hz, mono, 8-bit) of {@code samples}. */
  static byte[] g711(int format, byte[] samples) {
    return wav(format, 8000, 1, 8, samples);
  }

  /** A WAV file with a 16-byte fmt chunk, written by hand. */
  static byte[] wav(int format, int rate, int channels, int bits, byte[] data) {
    ByteBuffer fmt = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
    int blockAlign = channels * Math.max(1, bits / 8);
    fmt.putShort((short) format).putShort((short) channels).putInt(rate).putInt(rate * blockAlign)
        .putShort((short) blockAlign).putShort((short) bits);
    return riff(chunk("fmt ", fmt.array()), chunk("data", data));
  }

  /** A RIFF/WAVE file of {@code chunks}. */
  static byte[] riff(byte[]... chunks) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes("WAVE".getBytes(StandardCharsets.US_ASCII));
    for (byte[] chunk : chunks) {
      body.writeBytes(chunk);
    }
    ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(body.size());
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes(header.array());
    file.writeBytes(body.toByteArray());
    return file.toByteArray();
  }

  /** One chunk, padded to an even length. */
  static byte[] chunk(String id, byte[] body) {
    ByteBuffer chunk = ByteBuffer.allocate(8 + body.length + (body.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
    chunk.put(id.getBytes(StandardCharsets.US_ASCII)).putInt(body.length).put(body);
    return chunk.array();
  }
}
