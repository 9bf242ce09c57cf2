package dev.callcenter.crm;

import dev.callcenter.core.internal.Enums;

/** Who said a message of a transcript. */
public enum Speaker {
  CUSTOMER,
  AGENT,
  /** The IVR or another automated voice. */
  SYSTEM;

  public static Speaker parse(String name) {
    return Enums.parse(Speaker.class, name, "speaker");
  }
}
