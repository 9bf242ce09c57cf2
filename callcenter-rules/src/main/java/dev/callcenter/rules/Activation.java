package dev.callcenter.rules;

import dev.callcenter.core.internal.Enums;

/** Which matching rules act, in salience order (highest first, ties by rule id). */
public enum Activation {
  /** Only the first rule whose condition holds. */
  FIRST_MATCH,
  /** Every rule whose condition holds, until one with a {@code stop} action. */
  ALL_MATCHES;

  /** Parses {@code first_match} or {@code all_matches} in any letter case. */
  public static Activation parse(String name) {
    return Enums.parse(Activation.class, name, "activation");
  }

  /** The name as written in rule files. */
  public String jsonName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
