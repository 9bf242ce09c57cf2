package dev.callcenter.sip.history;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.callcenter.core.CallRecord;
import dev.callcenter.core.internal.Checks;
import dev.callcenter.core.internal.Json;
import dev.callcenter.core.store.CallRecordQuery;
import dev.callcenter.core.store.CallRecordStore;
import dev.callcenter.core.store.Page;
import dev.callcenter.core.store.PageRequest;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The call history: search, analytics and exports over a {@link CallRecordStore}. Analytics and exports walk
 * the records with {@link CallRecordStore#forEach}, one at a time, so they work for any number of records in
 * constant memory (as far as the store streams).
 *
 * <pre>{@code
 * CallHistory history = CallHistory.of(center.callRecords(), ZoneId.of("Asia/Riyadh"));
 * CallAnalytics today = history.analyse(CallRecordQuery.ALL.between(midnight, now));
 * history.exportCsv(CallRecordQuery.ALL, out, CsvOptions.SPREADSHEET);
 * }</pre>
 *
 * <p>CSV follows RFC 4180: comma separated, CRLF line ends, fields with a comma, quote, CR or LF enclosed in
 * quotes with quotes doubled; UTF-8. The columns are {@link #CSV_COLUMNS}. {@link CsvOptions#SPREADSHEET} adds the
 * byte order mark and escapes fields a spreadsheet would run as formulas. JSON is one array of objects with the
 * same fields in camel case.
 */
public final class CallHistory {
  /** The CSV header, in column order. */
  public static final List<String> CSV_COLUMNS = List.of("id", "call_id", "direction", "remote_number",
      "extension", "user_id", "status", "started_at", "started_local", "ring_seconds", "talk_seconds");
  private static final int BUFFER = 64 * 1024;
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final CallRecordStore store;
  private final ZoneId zone;
  private final DateTimeFormatter localFormat = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

  private CallHistory(CallRecordStore store, ZoneId zone) {
    this.store = store;
    this.zone = zone;
  }

  /** The history of {@code store}, with local times and analytics in UTC. */
  public static CallHistory of(CallRecordStore store) {
    return of(store, ZoneOffset.UTC);
  }

  /** The history of {@code store}, with local times, hours and days in {@code zone}. */
  public static CallHistory of(CallRecordStore store, ZoneId zone) {
    return new CallHistory(Checks.notNull(store, "store"), Checks.notNull(zone, "zone"));
  }

  public ZoneId zone() {
    return zone;
  }

  /** One page of matching records, newest first. */
  public Page<CallRecord> search(CallRecordQuery query, PageRequest page) {
    return store.list(Checks.notNull(query, "query"), Checks.notNull(page, "page"));
  }

  /** Totals, rates, durations, usage per extension, by hour and by day of the matching records. */
  public CallAnalytics analyse(CallRecordQuery query) {
    CallAnalyticsAccumulator acc = new CallAnalyticsAccumulator(zone);
    store.forEach(Checks.notNull(query, "query"), acc);
    return acc.result();
  }

  // ---- CSV -------------------------------------------------------------------------------------------------

  /**
   * Writes the matching records as UTF-8 CSV to {@code out}, which is flushed but not closed.
   *
   * @throws UncheckedIOException when writing fails
   */
  public void exportCsv(CallRecordQuery query, OutputStream out, CsvOptions options) {
    Checks.notNull(out, "out");
    Checks.notNull(options, "options");
    try {
      if (options.byteOrderMark()) {
        out.write(BOM);
      }
      Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER);
      writeCsv(query, writer, options.header(), options.escapeFormulas());
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("call history CSV export failed", e);
    }
  }

  /** Writes the matching records as CSV (header row, no byte order mark) to {@code out}, flushed, not closed. */
  public void exportCsv(CallRecordQuery query, Writer out) {
    Checks.notNull(out, "out");
    try {
      Writer writer = new BufferedWriter(out, BUFFER);
      writeCsv(query, writer, true, false);
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("call history CSV export failed", e);
    }
  }

  private void writeCsv(CallRecordQuery query, Writer w, boolean header, boolean escapeFormulas)
      throws IOException {
    Checks.notNull(query, "query");
    if (header) {
      writeRow(w, CSV_COLUMNS.toArray(new String[0]));
    }
    String[] row = new String[CSV_COLUMNS.size()];
    forEachWriting(query, r -> {
      row[0] = r.id().value();
      row[1] = r.callId() == null ? "" : r.callId().value();
      row[2] = lower(r.direction());
      row[3] = r.remoteNumber();
      row[4] = r.extension() == null ? "" : r.extension();
      row[5] = r.userId() == null ? "" : r.userId();
      row[6] = lower(r.outcome());
      row[7] = r.startedAt().toString();
      row[8] = localFormat.format(r.startedAt().atZone(zone));
      row[9] = seconds(r.ringDuration());
      row[10] = seconds(r.talkDuration());
      if (escapeFormulas) {
        for (int i = 0; i < row.length; i++) {
          row[i] = neutralise(row[i]);
        }
      }
      writeRow(w, row);
    });
  }

  /** The value with an apostrophe in front when a spreadsheet program would read it as a formula. */
  static String neutralise(String value) {
    if (value.isEmpty()) {
      return value;
    }
    char c = value.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
  }

  static void writeRow(Writer w, String[] fields) throws IOException {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        w.write(',');
      }
      writeField(w, fields[i]);
    }
    w.write("\r\n");
  }

  static void writeField(Writer w, String value) throws IOException {
    boolean quote = false;
    for (int i = 0; i < value.length() && !quote; i++) {
      char c = value.charAt(i);
      quote = c == ',' || c == '"' || c == '\r' || c == '\n';
    }
    if (!quote) {
      w.write(value);
      return;
    }
    w.write('"');
    int from = 0;
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) == '"') {
        w.write(value, from, i - from + 1);
        w.write('"');
        from = i + 1;
      }
    }
    w.write(value, from, value.length() - from);
    w.write('"');
  }

  // ---- JSON ------------------------------------------------------------------------------------------------

  /** Writes the matching records as one UTF-8 JSON array to {@code out}, flushed, not closed. */
  public void exportJson(CallRecordQuery query, OutputStream out) {
    Checks.notNull(out, "out");
    exportJson(query, new OutputStreamWriter(out, StandardCharsets.UTF_8));
  }

  /** Writes the matching records as one JSON array to {@code out}, flushed, not closed. */
  public void exportJson(CallRecordQuery query, Writer out) {
    Checks.notNull(query, "query");
    Checks.notNull(out, "out");
    try (JsonGenerator g = Json.mapper().getFactory().createGenerator(new BufferedWriter(out, BUFFER))) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartArray();
      forEachWriting(query, r -> {
        g.writeStartObject();
        g.writeStringField("id", r.id().value());
        nullable(g, "callId", r.callId() == null ? null : r.callId().value());
        g.writeStringField("direction", lower(r.direction()));
        g.writeStringField("remoteNumber", r.remoteNumber());
        nullable(g, "extension", r.extension());
        nullable(g, "userId", r.userId());
        g.writeStringField("status", lower(r.outcome()));
        g.writeStringField("startedAt", r.startedAt().toString());
        g.writeStringField("startedLocal", localFormat.format(r.startedAt().atZone(zone)));
        g.writeFieldName("ringSeconds");
        g.writeNumber(new BigDecimal(seconds(r.ringDuration())));
        g.writeFieldName("talkSeconds");
        g.writeNumber(new BigDecimal(seconds(r.talkDuration())));
        g.writeEndObject();
      });
      g.writeEndArray();
      g.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("call history JSON export failed", e);
    }
  }

  private static void nullable(JsonGenerator g, String field, @Nullable String value) throws IOException {
    if (value == null) {
      g.writeNullField(field);
    } else {
      g.writeStringField(field, value);
    }
  }

  // ---- machinery -------------------------------------------------------------------------------------------

  @FunctionalInterface
  private interface RecordWriter {
    void write(CallRecord record) throws IOException;
  }

  /** Streams records to {@code writer}, carrying an I/O failure out of the store's callback. */
  private void forEachWriting(CallRecordQuery query, RecordWriter writer) throws IOException {
    try {
      store.forEach(query, r -> {
        try {
          writer.write(r);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  /** Seconds with up to millisecond precision, no exponent: {@code 12}, {@code 12.5}, {@code 0.004}. */
  static String seconds(Duration d) {
    return BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString();
  }
}
