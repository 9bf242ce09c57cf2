package dev.callcenter.server;

import dev.callcenter.core.InvalidInputException;
import java.util.Locale;
import io.javalin.security.RouteRole;

/**
 * Who may call an endpoint. Staff roles are ordered: an admin may do what a supervisor may, a supervisor what an
 * agent may, an agent what a viewer may. {@link #CALLER} is a call-scoped token, {@link #ANYONE} needs no token.
 */
enum Role implements RouteRole {
  ANYONE(0),
  CALLER(0),
  VIEWER(1),
  AGENT(2),
  SUPERVISOR(3),
  ADMIN(4);

  private final int rank;

  Role(int rank) {
    this.rank = rank;
  }

  /** Whether a token of this role may call an endpoint that needs {@code required} (a staff role). */
  boolean covers(Role required) {
    return this != CALLER && rank >= required.rank;
  }

  boolean isStaff() {
    return rank > 0;
  }

  /** A staff role by name in any letter case. */
  static Role parseStaff(String name) {
    for (Role role : values()) {
      if (role.isStaff() && role.name().equals(name.trim().toUpperCase(Locale.ROOT))) {
        return role;
      }
    }
    throw InvalidInputException.of("role", "must be one of viewer, agent, supervisor, admin, was '%s'", name);
  }
}
