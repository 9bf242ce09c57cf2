package dev.callcenter.jdbc;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.callcenter.core.event.Event;
import dev.callcenter.core.event.EventType;
import dev.callcenter.core.event.NewEvent;
import dev.callcenter.core.internal.Checks;
import dev.callcenter.core.store.EventLogStore;
import dev.callcenter.core.store.PageRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The event log in table {@code cc_events}. An append increments the one row of {@code cc_event_sequence} and
 * inserts the event in one transaction: the row lock orders appenders on every node that shares the database, a
 * failed append rolls the counter back with it, and an event is visible only together with every event before it.
 */
final class JdbcEventLogStore implements EventLogStore {
  private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() {};

  private final Database database;

  JdbcEventLogStore(Database database) {
    this.database = database;
  }

  @Override
  public Event append(NewEvent event) {
    Checks.notNull(event, "event");
    String data = Database.json(event.data());
    return database.inTransaction("append event " + event.type(), c -> {
      try (PreparedStatement next = c.prepareStatement(
          "UPDATE cc_event_sequence SET last_sequence = last_sequence + 1 WHERE id = 1")) {
        if (next.executeUpdate() != 1) {
          throw new SQLException("the event sequence row is missing from cc_event_sequence");
        }
      }
      long sequence = lastSequence(c);
      Event sequenced = new Event(sequence, event.type(), Database.stored(event.timestamp()), Event.SCHEMA_VERSION,
          event.subject(), event.data());
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO cc_events "
          + "(seq, type, occurred_at, schema_version, subject, data) VALUES (?, ?, ?, ?, ?, ?)")) {
        insert.setLong(1, sequence);
        insert.setString(2, sequenced.type().wireName());
        Database.bind(insert, 3, sequenced.timestamp());
        insert.setInt(4, sequenced.schemaVersion());
        insert.setString(5, sequenced.subject());
        insert.setString(6, data);
        insert.executeUpdate();
      }
      return sequenced;
    });
  }

  @Override
  public List<Event> readAfter(long afterSequence, int limit) {
    Checks.inRange(limit, 1, PageRequest.MAX_LIMIT * 10, "limit");
    return database.inTransaction("read events", c -> {
      try (PreparedStatement select = c.prepareStatement("SELECT seq, type, occurred_at, schema_version, subject, "
          + "data FROM cc_events WHERE seq > ? ORDER BY seq LIMIT ?")) {
        select.setLong(1, afterSequence);
        select.setInt(2, limit);
        List<Event> events = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
          while (row.next()) {
            events.add(new Event(row.getLong("seq"), EventType.fromWireName(row.getString("type")),
                Database.requiredInstant(row, "occurred_at"), row.getInt("schema_version"),
                row.getString("subject"), Database.fromJson(row.getString("data"), DATA)));
          }
        }
        return events;
      }
    });
  }

  @Override
  public long lastSequence() {
    return database.inTransaction("read the last event sequence", JdbcEventLogStore::lastSequence);
  }

  private static long lastSequence(Connection c) throws SQLException {
    try (PreparedStatement select = c.prepareStatement("SELECT last_sequence FROM cc_event_sequence WHERE id = 1");
        ResultSet row = select.executeQuery()) {
      if (!row.next()) {
        throw new SQLException("the event sequence row is missing from cc_event_sequence");
      }
      return row.getLong(1);
    }
  }
}
