package dev.callcenter.core.event;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.callcenter.core.internal.Checks;
import dev.callcenter.core.internal.Json;
import java.time.Instant;
import java.util.Map;

/**
 * Something that happened, as recorded in the event log.
 *
 * @param sequence global, gap-free, increasing order of the log; a subscriber that reconnects resumes after the
 *     last sequence it saw
 * @param subject the id of what the event is about (a call, ticket or agent id)
 * @param data a JSON-shaped snapshot of the subject (maps, lists, strings, numbers, booleans)
 * @param schemaVersion version of the {@code data} shape for this type; see {@link #SCHEMA_VERSION}
 */
public record Event(
    @JsonProperty("seq") long sequence,
    EventType type,
    Instant timestamp,
    int schemaVersion,
    String subject,
    Map<String, Object> data) {

  /** The schema version of events written by this release. */
  public static final int SCHEMA_VERSION = 1;

  public Event {
    Checks.notNull(type, "type");
    Checks.notNull(timestamp, "timestamp");
    Checks.notBlank(subject, "subject");
    data = Map.copyOf(Checks.notNull(data, "data"));
  }

  /** The event as one line of JSON, as the WebSocket and the event log carry it. */
  public String toJson() {
    return Json.write(this);
  }

  public static Event fromJson(String json) {
    return Json.read(json, Event.class);
  }
}
