package dev.callcenter.sipjain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The samples of a G.711 WAV file: RIFF/WAVE with a {@code fmt } chunk of μ-law (format 7) or A-law (format 6),
 * 8000 Hz, mono, 8-bit samples, and a {@code data} chunk. Other chunks ({@code LIST}, {@code fact}, ...) are
 * skipped; WAVE_FORMAT_EXTENSIBLE is read by its sub-format.
 *
 * <p>A small reader rather than {@code javax.sound.sampled}: that one reports a cut-off header and a file that is no
 * WAV at all alike ("File of unsupported format"), where a prompt's owner needs to be told which, and it would bring
 * the {@code java.desktop} module into a telephony adapter.
 *
 * @param law the law of the samples
 * @param samples one byte per sample, 8000 a second
 */
record G711Wav(G711 law, byte[] samples) {
  static final int SAMPLE_RATE = 8000;
  private static final int WAVE_FORMAT_EXTENSIBLE = 0xfffe;

  /**
   * Reads the bytes of the file {@code name}.
   *
   * @throws UnplayablePromptException naming the file and what is wrong when it is not a G.711 WAV file
   */
  static G711Wav parse(String name, byte[] file) {
    if (file.length < 12 || !chunkId(file, 0).equals("RIFF") || !chunkId(file, 8).equals("WAVE")) {
      throw UnplayablePromptException.of(name, "is not a RIFF/WAVE file");
    }
    G711 law = null;
    long position = 12;
    while (true) {
      if (position + 8 > file.length) {
        throw UnplayablePromptException.of(name, law == null
            ? "has a truncated header: it ends before its fmt chunk" : "has no data chunk");
      }
      int at = (int) position;
      String id = chunkId(file, at);
      long size = u32(file, at + 4);
      long body = position + 8;
      if (id.equals("fmt ")) {
        if (size < 16 || body + size > file.length) {
          throw UnplayablePromptException.of(name, String.format(Locale.ROOT,
              "has a truncated header: its fmt chunk needs %d bytes, the file holds %d after it",
              Math.max(size, 16), file.length - body));
        }
        law = law(name, file, (int) body, (int) size);
      } else if (id.equals("data")) {
        if (law == null) {
          throw UnplayablePromptException.of(name, "has its data chunk before its fmt chunk");
        }
        if (size == 0) {
          throw UnplayablePromptException.of(name, "holds no audio (its data chunk is empty)");
        }
        if (body + size > file.length) {
          throw UnplayablePromptException.of(name, String.format(Locale.ROOT,
              "is truncated: its data chunk announces %d bytes, the file holds %d", size, file.length - body));
        }
        return new G711Wav(law, Arrays.copyOfRange(file, (int) body, (int) (body + size)));
      }
      position = body + size + (size & 1); // chunks are padded to an even length
    }
  }

  /** The law of a {@code fmt } chunk, or every way it is not 8 kHz mono 8-bit G.711. */
  private static G711 law(String name, byte[] file, int body, int size) {
    int format = u16(file, body);
    int channels = u16(file, body + 2);
    long rate = u32(file, body + 4);
    int bits = u16(file, body + 14);
    if (format == WAVE_FORMAT_EXTENSIBLE && size >= 40) {
      format = u16(file, body + 24); // the first two bytes of the sub-format GUID
    }
    G711 law = format == G711.ULAW.wavFormat() ? G711.ULAW : format == G711.ALAW.wavFormat() ? G711.ALAW : null;
    List<String> problems = new ArrayList<>();
    if (law == null) {
      problems.add("is " + formatName(format) + ", must be G.711 mu-law (format 7) or A-law (format 6)");
    }
    if (rate != SAMPLE_RATE) {
      problems.add("is " + rate + " Hz, must be " + SAMPLE_RATE + " Hz");
    }
    if (channels != 1) {
      problems.add("has " + channels + " channels, must be mono");
    }
    if (bits != 8) {
      problems.add("has " + bits + "-bit samples, must be 8-bit");
    }
    if (law == null || !problems.isEmpty()) {
      throw UnplayablePromptException.of(name, String.join("; ", problems));
    }
    return law;
  }

  private static String formatName(int format) {
    return switch (format) {
      case 1 -> "PCM (format 1)";
      case 2 -> "ADPCM (format 2)";
      case 3 -> "IEEE float (format 3)";
      case 0x55 -> "MP3 (format 85)";
      default -> "format " + format;
    };
  }

  private static String chunkId(byte[] file, int at) {
    return new String(file, at, 4, StandardCharsets.ISO_8859_1);
  }

  private static int u16(byte[] file, int at) {
    return (file[at] & 0xff) | (file[at + 1] & 0xff) << 8;
  }

  private static long u32(byte[] file, int at) {
    return (file[at] & 0xffL) | (file[at + 1] & 0xffL) << 8 | (file[at + 2] & 0xffL) << 16
        | (file[at + 3] & 0xffL) << 24;
  }
}
