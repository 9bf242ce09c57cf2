package dev.callcenter.core.flow;

import dev.callcenter.core.internal.Checks;

/** What a caller did: keyed digits, said or typed text, nothing (a timeout), or hung up. */
public sealed interface FlowInput {
  /** Keyed DTMF digits, {@code 0-9 * #}; Arabic-Indic digits are accepted and folded to ASCII. */
  record Digits(String digits) implements FlowInput {
    public Digits {
      Checks.notNull(digits, "digits");
      digits = dev.callcenter.core.internal.Digits.toAscii(digits);
      if (!digits.matches("[0-9*#A-Da-d]{1,32}")) {
        throw dev.callcenter.core.InvalidInputException.of("digits",
            "must be 1-32 DTMF keys (0-9, *, #, A-D), was '%s'", Checks.abbreviate(digits));
      }
    }
  }

  /** Recognised speech or typed text. */
  record Text(String text) implements FlowInput {
    public Text {
      Checks.notBlank(text, "text");
      if (text.length() > 2000) {
        throw dev.callcenter.core.InvalidInputException.of("text", "must be at most 2000 characters, was %d",
            text.length());
      }
    }
  }

  /** The caller said nothing before the collect timeout. */
  record Timeout() implements FlowInput {}

  /** The caller hung up. */
  record HangUp() implements FlowInput {}

  static FlowInput digits(String digits) {
    return new Digits(digits);
  }

  static FlowInput text(String text) {
    return new Text(text);
  }

  static FlowInput timeout() {
    return new Timeout();
  }

  static FlowInput hangUp() {
    return new HangUp();
  }
}
