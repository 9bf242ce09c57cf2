package dev.callcenter.sip.extension;

import dev.callcenter.core.internal.Enums;

/** Whether an extension's phone is registered with the registrar, and whether it is on a call. */
public enum ExtensionStatus {
  UNREGISTERED,
  REGISTERED,
  IN_CALL;

  /** Parses a name in any letter case ({@code "in call"}, {@code "in_call"}). */
  public static ExtensionStatus parse(String name) {
    return Enums.parse(ExtensionStatus.class, name, "status");
  }
}
