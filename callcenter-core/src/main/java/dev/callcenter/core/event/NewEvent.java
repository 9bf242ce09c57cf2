package dev.callcenter.core.event;

import dev.callcenter.core.internal.Checks;
import dev.callcenter.core.internal.Json;
import java.time.Instant;
import java.util.Map;

/**
 * An event about to be appended to the log, which gives it its sequence number.
 *
 * @param data a JSON-shaped snapshot; any object given to {@link #of} is converted with Jackson
 */
public record NewEvent(EventType type, Instant timestamp, String subject, Map<String, Object> data) {
  public NewEvent {
    Checks.notNull(type, "type");
    Checks.notNull(timestamp, "timestamp");
    Checks.notBlank(subject, "subject");
    data = Map.copyOf(Checks.notNull(data, "data"));
  }

  /** An event whose data is {@code payload} (a record or map) converted to its JSON shape. */
  public static NewEvent of(EventType type, Instant timestamp, String subject, Object payload) {
    return new NewEvent(type, timestamp, subject, Json.toMap(payload));
  }

  /** This event with its place in the log. */
  public Event sequenced(long sequence) {
    return new Event(sequence, type, timestamp, Event.SCHEMA_VERSION, subject, data);
  }
}
