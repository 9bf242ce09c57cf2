package dev.callcenter.crm;

import dev.callcenter.core.internal.Enums;

/** What kind of contact a customer had with the call center. */
public enum InteractionType {
  CALL,
  TICKET,
  MESSAGE;

  public static InteractionType parse(String name) {
    return Enums.parse(InteractionType.class, name, "interaction.type");
  }
}
