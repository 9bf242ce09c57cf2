package dev.callcenter.jdbc;

import dev.callcenter.core.CallDirection;
import dev.callcenter.core.CallId;
import dev.callcenter.core.CallOutcome;
import dev.callcenter.core.CallRecord;
import dev.callcenter.core.CallRecordId;
import dev.callcenter.core.internal.Checks;
import dev.callcenter.core.store.CallRecordQuery;
import dev.callcenter.core.store.CallRecordStore;
import dev.callcenter.core.store.Page;
import dev.callcenter.core.store.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/** The call history in table {@code cc_call_records}. */
final class JdbcCallRecordStore extends JdbcRecordStore<CallRecordId, CallRecord> implements CallRecordStore {
  JdbcCallRecordStore(Database database) {
    super(database, "cc_call_records", List.of("call_id", "direction", "remote_number", "extension", "user_id",
        "outcome", "started_at", "ring_duration_ns", "talk_duration_ns"), "started_at DESC, id");
  }

  @Override
  List<Object> values(CallRecord r) {
    return Arrays.asList(r.callId() == null ? null : r.callId().value(), r.direction(), r.remoteNumber(),
        r.extension(), r.userId(), r.outcome(), r.startedAt(), r.ringDuration(), r.talkDuration());
  }

  @Override
  CallRecord read(ResultSet row) throws SQLException {
    String callId = row.getString("call_id");
    return new CallRecord(CallRecordId.of(row.getString("id")), callId == null ? null : CallId.of(callId),
        CallDirection.valueOf(row.getString("direction")), row.getString("remote_number"),
        row.getString("extension"), row.getString("user_id"), CallOutcome.valueOf(row.getString("outcome")),
        Database.requiredInstant(row, "started_at"), Duration.ofNanos(row.getLong("ring_duration_ns")),
        Duration.ofNanos(row.getLong("talk_duration_ns")), row.getLong("version"));
  }

  @Override
  CallRecord asStored(CallRecord r) {
    return new CallRecord(r.id(), r.callId(), r.direction(), r.remoteNumber(), r.extension(), r.userId(),
        r.outcome(), Database.stored(r.startedAt()), r.ringDuration(), r.talkDuration(), r.version());
  }

  @Override
  public Page<CallRecord> list(CallRecordQuery query, PageRequest page) {
    return page(where(query), page);
  }

  @Override
  public void forEach(CallRecordQuery query, Consumer<? super CallRecord> sink) {
    stream(where(query), sink);
  }

  private static Where where(CallRecordQuery query) {
    Checks.notNull(query, "query");
    return new Where()
        .in("extension", query.extensions())
        .equal("user_id", query.userId())
        .equal("direction", query.direction())
        .equal("outcome", query.outcome())
        .atOrAfter("started_at", query.from())
        .before("started_at", query.to());
  }
}
