package dev.callcenter.sip.history;

import dev.callcenter.core.CallDirection;
import dev.callcenter.core.CallId;
import dev.callcenter.core.CallOutcome;
import dev.callcenter.core.CallRecord;
import dev.callcenter.core.CallRecordId;
import dev.callcenter.core.store.CallRecordQuery;
import dev.callcenter.core.store.CallRecordStore;
import dev.callcenter.core.store.Page;
import dev.callcenter.core.store.PageRequest;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Run in a JVM with a small heap: exports {@code count} generated call records as CSV or JSON into a counting
 * sink and prints {@code records=<n> bytes=<n> lines=<n> maxHeapMb=<n>}. The records are made one at a time by a
 * store that streams like a database cursor, so the only thing that could hold them all is the exporter.
 */
public final class LargeExport {
  private LargeExport() {}

  public static void main(String[] args) {
    String format = args[0];
    int count = Integer.parseInt(args[1]);
    CountingSink sink = new CountingSink();
    CallHistory history = CallHistory.of(new GeneratedStore(count), ZoneId.of("Asia/Riyadh"));
    if (format.equals("csv")) {
      history.exportCsv(CallRecordQuery.ALL, sink, CsvOptions.SPREADSHEET);
    } else {
      history.exportJson(CallRecordQuery.ALL, sink);
    }
    System.out.println("records=" + count + " bytes=" + sink.bytes + " lines=" + sink.lines + " objects="
        + sink.braces + " maxHeapMb=" + Runtime.getRuntime().maxMemory() / (1024 * 1024));
  }

  static final class CountingSink extends OutputStream {
    long bytes;
    long lines;
    long braces;

    @Override
    public void write(int b) {
      count((byte) b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      for (int i = off; i < off + len; i++) {
        count(b[i]);
      }
    }

    private void count(byte b) {
      bytes++;
      if (b == '\n') {
        lines++;
      } else if (b == '{') {
        braces++;
      }
    }
  }

  /** A store whose forEach makes each record on the fly, newest first. */
  static final class GeneratedStore implements CallRecordStore {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private final int count;

    GeneratedStore(int count) {
      this.count = count;
    }

    static CallRecord make(int i) {
      boolean answered = i % 3 != 0;
      return new CallRecord(CallRecordId.of("rec-" + i), CallId.of("call-" + i),
          i % 2 == 0 ? CallDirection.INBOUND : CallDirection.OUTBOUND, "+9665" + (10_000_000 + i % 89_999_999),
          "ext-" + (i % 500), "مستخدم, \"" + (i % 1000) + "\"", answered ? CallOutcome.ANSWERED : CallOutcome.MISSED,
          START.plusSeconds(i), Duration.ofMillis(1000 + i % 20_000), answered ? Duration.ofSeconds(i % 900)
          : Duration.ZERO, 1);
    }

    @Override
    public void forEach(CallRecordQuery query, Consumer<? super CallRecord> sink) {
      for (int i = count - 1; i >= 0; i--) {
        CallRecord r = make(i);
        if (query.matches(r)) {
          sink.accept(r);
        }
      }
    }

    @Override
    public Page<CallRecord> list(CallRecordQuery query, PageRequest page) {
      throw new UnsupportedOperationException("exports must stream");
    }

    @Override
    public CallRecord insert(CallRecord record) {
      throw new UnsupportedOperationException("generated");
    }

    @Override
    public Optional<CallRecord> find(CallRecordId key) {
      return Optional.empty();
    }

    @Override
    public CallRecord update(CallRecord record) {
      throw new UnsupportedOperationException("generated");
    }

    @Override
    public void delete(CallRecord record) {
      throw new UnsupportedOperationException("generated");
    }
  }
}
