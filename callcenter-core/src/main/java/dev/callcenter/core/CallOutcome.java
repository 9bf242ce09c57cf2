package dev.callcenter.core;

import dev.callcenter.core.internal.Enums;

/** How a call in the history ended. */
public enum CallOutcome {
  ANSWERED,
  MISSED,
  BUSY,
  FAILED;

  public static CallOutcome parse(String name) {
    return Enums.parse(CallOutcome.class, name, "status");
  }
}
