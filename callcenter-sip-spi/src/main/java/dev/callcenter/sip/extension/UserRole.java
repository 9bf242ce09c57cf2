package dev.callcenter.sip.extension;

import dev.callcenter.core.internal.Enums;

/** What a user of the call center may do. */
public enum UserRole {
  ADMIN,
  SUPERVISOR,
  AGENT,
  VIEWER;

  public static UserRole parse(String name) {
    return Enums.parse(UserRole.class, name, "role");
  }
}
