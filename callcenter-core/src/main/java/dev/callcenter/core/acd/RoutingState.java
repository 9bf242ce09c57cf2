package dev.callcenter.core.acd;

import dev.callcenter.core.AgentStatus;
import java.util.Locale;

/**
 * What an agent is doing as the ACD sees it: the four public {@link AgentStatus} values refined by the two states
 * only the engine needs. Every change is emitted as {@code agent:status_changed} with a {@code routingState} field.
 */
public enum RoutingState {
  /** Logged in and idle; may be offered a call. */
  AVAILABLE(AgentStatus.AVAILABLE),
  /** A call is offered and ringing; the agent has not answered yet. Shown as BUSY. */
  RESERVED(AgentStatus.BUSY),
  /** On a call. */
  BUSY(AgentStatus.BUSY),
  /** After-call work; no new call until it ends. Shown as BUSY. */
  WRAP_UP(AgentStatus.BUSY),
  ON_BREAK(AgentStatus.ON_BREAK),
  OFFLINE(AgentStatus.OFFLINE);

  private final AgentStatus visible;

  RoutingState(AgentStatus visible) {
    this.visible = visible;
  }

  /** The public status stored on the {@link dev.callcenter.core.Agent}. */
  public AgentStatus visibleStatus() {
    return visible;
  }

  /** Logged in: anything but OFFLINE and ON_BREAK. */
  public boolean isStaffed() {
    return this != OFFLINE && this != ON_BREAK;
  }

  /** The name as it appears in events: {@code wrap_up}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static RoutingState of(AgentStatus status) {
    return switch (status) {
      case AVAILABLE -> AVAILABLE;
      case BUSY -> BUSY;
      case ON_BREAK -> ON_BREAK;
      case OFFLINE -> OFFLINE;
    };
  }
}
