package dev.callcenter.core.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.callcenter.core.InvalidInputException;

/** The kinds of event, named on the wire as clients already know them ({@code call:new}, ...). */
public enum EventType {
  CALL_NEW("call:new"),
  CALL_UPDATED("call:updated"),
  CALL_ROUTED("call:routed"),
  CALL_QUEUED("call:queued"),
  CALL_TRANSFERRED("call:transferred"),
  CALL_ABANDONED("call:abandoned"),
  CALL_ENDED("call:ended"),
  TICKET_CREATED("ticket:created"),
  TICKET_UPDATED("ticket:updated"),
  MESSAGE_NEW("message:new"),
  AGENT_STATUS_CHANGED("agent:status_changed");

  private final String wireName;

  EventType(String wireName) {
    this.wireName = wireName;
  }

  /** The name on the wire, for example {@code call:new}. */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  @JsonCreator
  public static EventType fromWireName(String name) {
    for (EventType type : values()) {
      if (type.wireName.equals(name)) {
        return type;
      }
    }
    throw InvalidInputException.of("type", "unknown event type '%s'", name);
  }

  @Override
  public String toString() {
    return wireName;
  }
}
