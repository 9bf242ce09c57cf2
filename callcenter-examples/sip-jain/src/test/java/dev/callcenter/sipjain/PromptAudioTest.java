package dev.callcenter.sipjain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.core.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading G.711 WAV files, finding them in the prompt directory and keeping them. */
class PromptAudioTest {
  private static final byte[] TONE = TestWavs.tone(TestWavs.ULAW, 800);

  @TempDir Path root;
  private Path prompts;
  private final List<String> warnings = new ArrayList<>();
  private PromptAudio audio;

  @BeforeEach
  void directory() throws IOException {
    prompts = Files.createDirectories(root.resolve("prompts")).toRealPath();
    audio = new PromptAudio(prompts, warnings::add);
  }

  // ---- the WAV format -------------------------------------------------------------------------------------------

  @Test
  void aMuLawAndAnALawFileAreRead() {
    G711Wav ulaw = G711Wav.parse("u.wav", TestWavs.g711(TestWavs.ULAW, TONE));
    G711Wav alaw = G711Wav.parse("a.wav", TestWavs.g711(TestWavs.ALAW, TONE));

    assertThat(ulaw.law()).isEqualTo(G711.ULAW);
    assertThat(ulaw.samples()).isEqualTo(TONE);
    assertThat(alaw.law()).isEqualTo(G711.ALAW);
  }

  @Test
  void aFileWrittenByJavaSoundIsRead() throws IOException {
    AudioFormat format = new AudioFormat(AudioFormat.Encoding.ULAW, 8000, 8, 1, 1, 8000, false);
    File file = root.resolve("jdk.wav").toFile();
    AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(TONE), format, TONE.length),
        AudioFileFormat.Type.WAVE, file); // an 18-byte fmt chunk

    assertThat(G711Wav.parse("jdk.wav", Files.readAllBytes(file.toPath())).samples()).isEqualTo(TONE);
  }

  @Test
  void otherChunksAreSkippedAndOddOnesPadded() {
    byte[] fmt = Arrays.copyOfRange(TestWavs.g711(TestWavs.ULAW, TONE), 12, 12 + 24);
    byte[] file = TestWavs.riff(TestWavs.chunk("LIST", new byte[] {'I', 'N', 'F', 'O', 1}), fmt,
        TestWavs.chunk("fact", new byte[] {32, 3, 0, 0}), TestWavs.chunk("data", TONE));

    assertThat(G711Wav.parse("tagged.wav", file).samples()).isEqualTo(TONE);
  }

  @Test
  void aWrongSampleRateIsNamed() {
    assertThatThrownBy(() -> G711Wav.parse("rate.wav", TestWavs.wav(TestWavs.ULAW, 16000, 1, 8, TONE)))
        .isInstanceOf(UnplayablePromptException.class)
        .hasMessage("prompt audio 'rate.wav' is 16000 Hz, must be 8000 Hz");
  }

  @Test
  void stereoIsNamed() {
    assertThatThrownBy(() -> G711Wav.parse("stereo.wav", TestWavs.wav(TestWavs.ALAW, 8000, 2, 8, TONE)))
        .hasMessage("prompt audio 'stereo.wav' has 2 channels, must be mono");
  }

  @Test
  void sixteenBitPcmIsNamed() {
    assertThatThrownBy(() -> G711Wav.parse("pcm.wav", TestWavs.wav(TestWavs.PCM, 8000, 1, 16, TONE)))
        .hasMessage("prompt audio 'pcm.wav' is PCM (format 1), must be G.711 mu-law (format 7) or A-law (format 6);"
            + " has 16-bit samples, must be 8-bit");
  }

  @Test
  void aTruncatedHeaderIsNamed() {
    byte[] file = Arrays.copyOf(TestWavs.g711(TestWavs.ULAW, TONE), 30);

    assertThatThrownBy(() -> G711Wav.parse("cut.wav", file))
        .hasMessage("prompt audio 'cut.wav' has a truncated header: its fmt chunk needs 16 bytes, the file holds 10"
            + " after it");
    assertThatThrownBy(() -> G711Wav.parse("cut.wav", Arrays.copyOf(file, 16)))
        .hasMessage("prompt audio 'cut.wav' has a truncated header: it ends before its fmt chunk");
  }

  @Test
  void truncatedAudioMissingAudioAndOtherFilesAreNamed() {
    byte[] good = TestWavs.g711(TestWavs.ULAW, TONE);

    assertThatThrownBy(() -> G711Wav.parse("short.wav", Arrays.copyOf(good, good.length - 100)))
        .hasMessage("prompt audio 'short.wav' is truncated: its data chunk announces 800 bytes, the file holds 700");
    assertThatThrownBy(() -> G711Wav.parse("nodata.wav", Arrays.copyOf(good, 36)))
        .hasMessage("prompt audio 'nodata.wav' has no data chunk");
    assertThatThrownBy(() -> G711Wav.parse("empty.wav", TestWavs.g711(TestWavs.ULAW, new byte[0])))
        .hasMessage("prompt audio 'empty.wav' holds no audio (its data chunk is empty)");
    assertThatThrownBy(() -> G711Wav.parse("song.mp3", "ID3\u0004 not a wav file".getBytes()))
        .hasMessage("prompt audio 'song.mp3' is not a RIFF/WAVE file");
  }

  // ---- the prompt directory -------------------------------------------------------------------------------------

  @Test
  void namesAreFoundInTheDirectoryByPathOrFileUri() throws IOException {
    write("ar/welcome.wav", TestWavs.g711(TestWavs.ALAW, TONE));

    assertThat(audio.load("ar/welcome.wav").samples()).isEqualTo(TONE);
    assertThat(audio.load("ar/../ar/welcome.wav").law()).isEqualTo(G711.ALAW);
    assertThat(audio.load(prompts.resolve("ar/welcome.wav").toString()).samples()).isEqualTo(TONE);
    assertThat(audio.load(prompts.resolve("ar/welcome.wav").toUri().toString()).samples()).isEqualTo(TONE);
  }

  @Test
  void namesLeadingOutOfTheDirectoryAreRefusedUnread() throws IOException {
    Files.write(root.resolve("secret.wav"), TestWavs.g711(TestWavs.ULAW, TONE));

    for (String name : List.of("../secret.wav", "ar/../../secret.wav", root.resolve("secret.wav").toString(),
        root.resolve("secret.wav").toUri().toString(), "/etc/passwd")) {
      assertThatThrownBy(() -> audio.load(name)).as(name)
          .hasMessage("prompt audio '" + name + "' leads out of the prompt audio directory " + prompts
              + "; it is not read");
    }
    assertThatThrownBy(() -> audio.load("https://example.com/welcome.wav"))
        .hasMessageContaining("is a URI; only files in the prompt audio directory are played");
    assertThatThrownBy(() -> audio.load(" ")).hasMessage("prompt audio ' ' is not a file name");
  }

  @Test
  void aLinkOutOfTheDirectoryIsRefused() throws IOException {
    Path secret = Files.write(root.resolve("secret.wav"), TestWavs.g711(TestWavs.ULAW, TONE));
    Files.createSymbolicLink(prompts.resolve("link.wav"), secret);

    assertThatThrownBy(() -> audio.load("link.wav"))
        .hasMessageStartingWith("prompt audio 'link.wav' is a link out of the prompt audio directory");
  }

  @Test
  void aMissingFileOrADirectoryIsNamed() throws IOException {
    Files.createDirectories(prompts.resolve("ar"));

    assertThatThrownBy(() -> audio.load("missing.wav"))
        .hasMessage("prompt audio 'missing.wav' does not exist (" + prompts.resolve("missing.wav") + ")");
    assertThatThrownBy(() -> audio.load("ar")).hasMessageContaining("is not a regular file");
  }

  @Test
  void anUnchangedFileIsReadOnceAndAChangedOneAgain() throws IOException {
    Path file = write("welcome.wav", TestWavs.g711(TestWavs.ULAW, TONE));
    FileTime modified = FileTime.fromMillis(1_700_000_000_000L);
    Files.setLastModifiedTime(file, modified);
    assertThat(audio.load("welcome.wav").samples()).isEqualTo(TONE);

    byte[] silence = new byte[TONE.length];
    Arrays.fill(silence, (byte) 0xff);
    Files.write(file, TestWavs.g711(TestWavs.ULAW, silence)); // same size
    Files.setLastModifiedTime(file, modified);
    assertThat(audio.load("welcome.wav").samples()).as("the cached copy").isEqualTo(TONE);

    Files.setLastModifiedTime(file, FileTime.fromMillis(modified.toMillis() + 1000));
    assertThat(audio.load("welcome.wav").samples()).as("read again").isEqualTo(silence);
  }

  @Test
  void eachUnplayableFileIsReportedOnceUntilItsProblemChanges() throws IOException {
    assertThat(audio.find("welcome.wav")).isNull();
    assertThat(audio.find("welcome.wav")).isNull();
    assertThat(warnings).singleElement().asString()
        .startsWith("prompt audio 'welcome.wav' does not exist (")
        .endsWith("; the prompt is reported as played without audio");

    write("welcome.wav", TestWavs.wav(TestWavs.ULAW, 16000, 1, 8, TONE));
    assertThat(audio.find("welcome.wav")).isNull();
    assertThat(audio.find("welcome.wav")).isNull();
    assertThat(warnings).hasSize(2).last().asString().contains("is 16000 Hz, must be 8000 Hz");

    Path file = write("welcome.wav", TestWavs.g711(TestWavs.ULAW, TONE));
    Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 1000));
    assertThat(audio.find("welcome.wav")).isNotNull();
    assertThat(warnings).hasSize(2);
  }

  @Test
  void withoutADirectoryEveryAudioIsReportedOnce() {
    PromptAudio none = new PromptAudio(null, warnings::add);

    assertThat(none.find("welcome.wav")).isNull();
    assertThat(none.find("welcome.wav")).isNull();
    assertThat(warnings).singleElement().asString().contains("no prompt audio directory is set");
  }

  @Test
  void theBuilderWantsAnExistingDirectoryOnce() throws IOException {
    Path file = Files.write(root.resolve("file.wav"), new byte[1]);

    assertThatThrownBy(() -> JainSipTelephony.builder().promptAudio(root.resolve("nope")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("promptAudio");
    assertThatThrownBy(() -> JainSipTelephony.builder().promptAudio(file))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("must be a directory");
    assertThatThrownBy(() -> JainSipTelephony.builder().promptAudio(prompts).promptAudio(prompts))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("already set");
  }

  private Path write(String name, byte[] bytes) throws IOException {
    Path file = prompts.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.write(file, bytes);
  }
}
