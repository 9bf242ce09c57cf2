package dev.callcenter.crm;

import dev.callcenter.core.Priority;
import dev.callcenter.core.internal.Checks;
import dev.callcenter.core.internal.Enums;

/** How urgent a ticket is; drives its SLA due time ({@link SlaPolicy}). */
public enum TicketPriority {
  LOW,
  MEDIUM,
  HIGH,
  URGENT;

  /** The ticket priority for a call of {@code priority} (NORMAL becomes MEDIUM). */
  public static TicketPriority of(Priority priority) {
    return switch (Checks.notNull(priority, "priority")) {
      case LOW -> LOW;
      case NORMAL -> MEDIUM;
      case HIGH -> HIGH;
      case URGENT -> URGENT;
    };
  }

  /** Parses a name in any letter case. */
  public static TicketPriority parse(String name) {
    return Enums.parse(TicketPriority.class, name, "priority");
  }
}
