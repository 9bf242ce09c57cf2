package dev.callcenter.jdbc;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.callcenter.core.AlreadyExistsException;
import dev.callcenter.core.internal.Checks;
import dev.callcenter.core.store.Page;
import dev.callcenter.core.store.PageRequest;
import dev.callcenter.crm.Message;
import dev.callcenter.crm.Transcript;
import dev.callcenter.crm.TranscriptQuery;
import dev.callcenter.crm.TranscriptStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/** Transcripts in table {@code cc_transcripts}, at most one per call; the messages are one JSON column. */
final class JdbcTranscriptStore extends JdbcRecordStore<String, Transcript> implements TranscriptStore {
  private static final TypeReference<List<Message>> MESSAGES = new TypeReference<>() {};

  JdbcTranscriptStore(Database database) {
    super(database, "cc_transcripts", List.of("call_id", "customer_id", "messages", "created_at", "updated_at",
        "search_text"), "created_at DESC, id");
  }

  @Override
  List<Object> values(Transcript t) {
    return Arrays.asList(t.callId(), t.customerId(), Database.json(t.messages()), t.createdAt(), t.updatedAt(),
        Database.searchText(t.messages().stream().map(Message::text).toList()));
  }

  @Override
  Transcript read(ResultSet row) throws SQLException {
    return new Transcript(row.getString("id"), row.getString("call_id"), row.getString("customer_id"),
        Database.fromJson(row.getString("messages"), MESSAGES), Database.requiredInstant(row, "created_at"),
        Database.requiredInstant(row, "updated_at"), row.getLong("version"));
  }

  @Override
  Transcript asStored(Transcript t) {
    return new Transcript(t.id(), t.callId(), t.customerId(), t.messages(), Database.stored(t.createdAt()),
        Database.stored(t.updatedAt()), t.version());
  }

  /** A transcript collides on its id or, as a call has at most one transcript, on its call. */
  @Override
  RuntimeException duplicate(Connection connection, Transcript transcript, boolean inserting) throws SQLException {
    if ((inserting && exists(connection, transcript.id())) || transcript.callId() == null) {
      return AlreadyExistsException.of(kind(), transcript.id());
    }
    return AlreadyExistsException.of("transcript for call", transcript.callId());
  }

  @Override
  public Page<Transcript> list(TranscriptQuery query, PageRequest page) {
    Checks.notNull(query, "query");
    return page(new Where()
        .equal("call_id", query.callId())
        .equal("customer_id", query.customerId())
        .atOrAfter("created_at", query.createdFrom())
        .before("created_at", query.createdTo())
        .containsText("search_text", query.text() == null ? null : query.text().trim()), page);
  }
}
