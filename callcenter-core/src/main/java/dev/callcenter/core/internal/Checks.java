package dev.callcenter.core.internal;

import dev.callcenter.core.InvalidInputException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Argument checks that fail with {@link InvalidInputException} naming the field. Not public API. */
public final class Checks {
  private Checks() {}

  public static <T> T notNull(@Nullable T value, String field) {
    if (value == null) {
      throw InvalidInputException.of(field, "must not be null");
    }
    return value;
  }

  public static String notBlank(@Nullable String value, String field) {
    if (value == null || value.isBlank()) {
      throw InvalidInputException.of(field, "must not be blank");
    }
    return value;
  }

  public static String matches(@Nullable String value, Pattern pattern, String field, String expected) {
    notBlank(value, field);
    if (!pattern.matcher(value).matches()) {
      throw InvalidInputException.of(field, "must be %s, was '%s'", expected, abbreviate(value));
    }
    return value;
  }

  public static int inRange(int value, int min, int max, String field) {
    if (value < min || value > max) {
      throw InvalidInputException.of(field, "must be between %d and %d, was %d", min, max, value);
    }
    return value;
  }

  /** Cuts user input echoed in messages so an error never carries a megabyte of it. */
  public static String abbreviate(String value) {
    return value.length() <= 64 ? value : value.substring(0, 61) + "...";
  }
}
