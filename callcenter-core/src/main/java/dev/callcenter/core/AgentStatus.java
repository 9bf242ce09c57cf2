package dev.callcenter.core;

import dev.callcenter.core.internal.Enums;

/** What an agent is doing, as supervisors and the API see it. */
public enum AgentStatus {
  AVAILABLE,
  BUSY,
  ON_BREAK,
  OFFLINE;

  /** Parses a name in any letter case ({@code "on_break"}, {@code "On-Break"}). */
  public static AgentStatus parse(String name) {
    return Enums.parse(AgentStatus.class, name, "status");
  }
}
