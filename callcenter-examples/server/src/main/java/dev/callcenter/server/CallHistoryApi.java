package dev.callcenter.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callcenter.core.CallDirection;
import dev.callcenter.core.CallId;
import dev.callcenter.core.CallOutcome;
import dev.callcenter.core.CallRecord;
import dev.callcenter.core.CallRecordId;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.store.CallRecordQuery;
import dev.callcenter.core.store.CallRecordStore;
import dev.callcenter.sip.history.CallHistory;
import dev.callcenter.sip.history.CsvOptions;
import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** {@code /api/callcenter/calls} and {@code /api/callcenter/export}: the call history and its export. */
final class CallHistoryApi implements Api.Endpoints {
  /**
   * A call-history entry with the field names clients send; durations in whole seconds.
   *
   * @param duration talk time; 0 for calls not answered
   * @param status answered, missed, busy or failed
   */
  record CallRecordBody(String extensionId, String direction, String number, @Nullable Long duration,
      String status, @Nullable Instant startedAt, @Nullable Long ringDuration, @Nullable String callId,
      @Nullable String userId) {}

  private final Api api;
  private final CallRecordStore records;
  private final CallHistory history;
  private final ObjectMapper mapper;

  CallHistoryApi(Api api, ObjectMapper mapper) {
    this.api = api;
    this.records = api.center().callRecords();
    this.history = CallHistory.of(records);
    this.mapper = mapper;
  }

  @Override
  public void addTo(Route.Table t) {
    t.get("/api/callcenter/calls").role(Role.VIEWER).doc("call history", "List the call history, newest first")
        .query("extensions", "string", "comma-separated extensions").query("userId", "string", "user id")
        .query("direction", "string", "inbound, outbound or internal")
        .query("status", "string", "answered, missed, busy or failed")
        .query("startDate", "string", "from (date or instant)").query("endDate", "string", "to (date, inclusive)")
        .paged().answersPage(Views.CallRecordView.class).handle(this::list);
    t.post("/api/callcenter/calls").role(Role.AGENT).doc("call history", "Record a call")
        .body(CallRecordBody.class).answers(201, Views.CallRecordView.class).handle(this::create);
    t.get("/api/callcenter/calls/{id}").role(Role.VIEWER).doc("call history", "One call-history entry")
        .answers(200, Views.CallRecordView.class).handle(ctx -> {
          CallRecord r = records.get(CallRecordId.of(ctx.pathParam("id")));
          ctx.header("ETag", "\"" + r.version() + "\"").json(Views.CallRecordView.of(r));
        });
    t.put("/api/callcenter/calls/{id}").role(Role.SUPERVISOR).doc("call history", "Replace a call-history entry "
        + "(If-Match: the version read, optional)").body(CallRecordBody.class)
        .answers(200, Views.CallRecordView.class).handle(this::replace);
    t.get("/api/callcenter/export").role(Role.SUPERVISOR).doc("call history", "Export the call history, streamed: "
        + "CSV for spreadsheets (columns of CallHistory.CSV_COLUMNS, UTF-8 with byte order mark, formulas defused) "
        + "or JSON (the fields of the call-history API)").query("format", "string", "csv (default) or json")
        .query("startDate", "string", "from (date or instant)").query("endDate", "string", "to (date, inclusive)")
        .query("extensions", "string", "comma-separated extensions").answersDownload().handle(this::export);
  }

  private void list(Context ctx) {
    ctx.json(records.list(query(ctx), Api.page(ctx)).map(Views.CallRecordView::of));
  }

  private void create(Context ctx) {
    CallRecordBody body = api.bodies().read(ctx, CallRecordBody.class);
    CallRecord stored = records.insert(toRecord(CallRecordId.random(), body, 0));
    ctx.status(201).header("Location", "/api/callcenter/calls/" + stored.id().value())
        .json(Views.CallRecordView.of(stored));
  }

  private void replace(Context ctx) {
    CallRecordId id = CallRecordId.of(ctx.pathParam("id"));
    CallRecordBody body = api.bodies().read(ctx, CallRecordBody.class);
    CallRecord current = records.get(id);
    long version = current.version();
    String ifMatch = ctx.header("If-Match");
    if (ifMatch != null) {
      try {
        version = Long.parseLong(ifMatch.replace("\"", "").strip());
      } catch (NumberFormatException e) {
        throw HttpProblem.badRequest("If-Match", "must be the version number read, was '%s'", ifMatch);
      }
    }
    CallRecord updated = records.update(toRecord(id, body, version));
    ctx.header("ETag", "\"" + updated.version() + "\"").json(Views.CallRecordView.of(updated));
  }

  private CallRecord toRecord(CallRecordId id, CallRecordBody b, long version) {
    if (b.extensionId() == null || b.extensionId().isBlank()) {
      throw InvalidInputException.of("extensionId", "is required");
    }
    if (b.direction() == null) {
      throw InvalidInputException.of("direction", "is required");
    }
    if (b.number() == null) {
      throw InvalidInputException.of("number", "is required");
    }
    if (b.status() == null) {
      throw InvalidInputException.of("status", "is required");
    }
    if (b.extensionId().length() > 64) {
      throw InvalidInputException.of("extensionId", "must be at most 64 characters");
    }
    return new CallRecord(id, b.callId() == null ? null : CallId.of(b.callId()), CallDirection.parse(b.direction()),
        b.number().strip(), b.extensionId().strip(), b.userId(), CallOutcome.parse(b.status()),
        b.startedAt() == null ? api.center().clock().instant() : b.startedAt(),
        seconds(b.ringDuration(), "ringDuration"), seconds(b.duration(), "duration"), version);
  }

  private static Duration seconds(@Nullable Long value, String field) {
    if (value == null) {
      return Duration.ZERO;
    }
    if (value < 0 || value > 31L * 24 * 3600) {
      throw InvalidInputException.of(field, "must be 0 to 2678400 seconds, was %d", value);
    }
    return Duration.ofSeconds(value);
  }

  private CallRecordQuery query(Context ctx) {
    String extensions = Api.param(ctx, "extensions");
    Set<String> exts = extensions == null ? Set.of()
        : Arrays.stream(extensions.split(",")).map(String::strip).filter(s -> !s.isEmpty())
            .collect(Collectors.toSet());
    String direction = Api.param(ctx, "direction");
    String status = Api.param(ctx, "status");
    Instant from = Api.instantParam(ctx, "startDate", false);
    Instant to = Api.instantParam(ctx, "endDate", true);
    if (from != null && to != null && !from.isBefore(to)) {
      throw InvalidInputException.of("endDate", "must be after startDate");
    }
    return CallRecordQuery.ALL.forExtensions(exts).forUser(Api.param(ctx, "userId"))
        .withDirection(direction == null ? null : CallDirection.parse(direction))
        .withOutcome(status == null ? null : CallOutcome.parse(status)).between(from, to);
  }

  private void export(Context ctx) throws IOException {
    String format = Api.param(ctx, "format");
    format = format == null ? "csv" : format.toLowerCase(Locale.ROOT);
    if (!format.equals("csv") && !format.equals("json")) {
      throw InvalidInputException.of("format", "must be csv or json, was '%s'", format);
    }
    CallRecordQuery query = query(ctx);
    String stamp = api.center().clock().instant().toString().replace(":", "").substring(0, 15);
    ctx.header("Content-Disposition", "attachment; filename=\"call-history-" + stamp + "." + format + "\"");
    OutputStream out = ctx.outputStream();
    if (format.equals("csv")) {
      ctx.contentType("text/csv; charset=utf-8");
      history.exportCsv(query, out, CsvOptions.SPREADSHEET); // byte order mark; formulas defused
    } else {
      ctx.contentType("application/json");
      JsonGenerator g = mapper.getFactory().createGenerator(out);
      g.writeStartArray();
      records.forEach(query, r -> {
        try {
          mapper.writeValue(g, Views.CallRecordView.of(r));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      g.writeEndArray();
      g.flush();
    }
  }
}
