package dev.callcenter.core;

import dev.callcenter.core.internal.Enums;

/** Which way a call went, for the call history. */
public enum CallDirection {
  INBOUND,
  OUTBOUND,
  INTERNAL;

  public static CallDirection parse(String name) {
    return Enums.parse(CallDirection.class, name, "direction");
  }
}
