package dev.callcenter.core;

import dev.callcenter.core.internal.Enums;

/** How urgently a call or ticket is served; a higher {@link #level()} is served first. */
public enum Priority {
  LOW(0),
  NORMAL(1),
  HIGH(2),
  URGENT(3);

  private final int level;

  Priority(int level) {
    this.level = level;
  }

  public int level() {
    return level;
  }

  /** Parses a name in any letter case ({@code "high"}, {@code "HIGH"}). */
  public static Priority parse(String name) {
    return Enums.parse(Priority.class, name, "priority");
  }
}
