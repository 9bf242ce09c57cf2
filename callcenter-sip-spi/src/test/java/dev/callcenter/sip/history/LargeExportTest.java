package dev.callcenter.sip.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Exporting a million call records works with the heap capped at 256 MB: in a forked {@code java -Xmx256m}. */
class LargeExportTest {
  private static final int RECORDS = 1_000_000;

  private static String testClassPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
  }

  @ParameterizedTest
  @ValueSource(strings = {"csv", "json"})
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void aMillionRecordsExportWithA256MbHeap(String format) throws IOException, InterruptedException {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    Process process = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:+UseSerialGC",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", testClassPath(), LargeExport.class.getName(), format,
        Integer.toString(RECORDS)))
        .redirectErrorStream(true).start();
    String output;
    try {
      boolean finished = process.waitFor(100, TimeUnit.SECONDS);
      output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(finished).as("export finished in time; output: %s", output).isTrue();
    } finally {
      process.destroyForcibly();
    }
    assertThat(process.exitValue()).as("exit value; output: %s", output).isZero();
    assertThat(output).contains("records=" + RECORDS).contains("maxHeapMb=");
    long maxHeapMb = Long.parseLong(output.replaceAll("(?s).*maxHeapMb=(\\d+).*", "$1"));
    assertThat(maxHeapMb).isLessThanOrEqualTo(256);
    if (format.equals("csv")) {
      assertThat(output).contains("lines=" + (RECORDS + 1));
    } else {
      assertThat(output).contains("objects=" + RECORDS);
    }
    long bytes = Long.parseLong(output.replaceAll("(?s).*bytes=(\\d+).*", "$1"));
    assertThat(bytes).isGreaterThan(100L * RECORDS);
  }
}
