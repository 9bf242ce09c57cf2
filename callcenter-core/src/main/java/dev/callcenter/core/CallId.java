package dev.callcenter.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.callcenter.core.internal.Checks;
import java.util.UUID;
import java.util.regex.Pattern;

/** Identifies a call. Letters, digits and {@code . _ : -}, at most 64 characters. */
public record CallId(@JsonValue String value) implements Comparable<CallId> {
  private static final Pattern FORM = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  public CallId {
    Checks.matches(value, FORM, "callId", "1-64 letters, digits or . _ : -");
  }

  @JsonCreator
  public static CallId of(String value) {
    return new CallId(value);
  }

  /** A new random id (a UUID). */
  public static CallId random() {
    return new CallId(UUID.randomUUID().toString());
  }

  @Override
  public int compareTo(CallId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
