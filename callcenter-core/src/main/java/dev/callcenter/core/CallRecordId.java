package dev.callcenter.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.callcenter.core.internal.Checks;
import java.util.UUID;
import java.util.regex.Pattern;

/** Identifies a call record (an entry of the call history). Letters, digits and {@code . _ : -}, at most 64 characters. */
public record CallRecordId(@JsonValue String value) implements Comparable<CallRecordId> {
  private static final Pattern FORM = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  public CallRecordId {
    Checks.matches(value, FORM, "callRecordId", "1-64 letters, digits or . _ : -");
  }

  @JsonCreator
  public static CallRecordId of(String value) {
    return new CallRecordId(value);
  }

  /** A new random id (a UUID). */
  public static CallRecordId random() {
    return new CallRecordId(UUID.randomUUID().toString());
  }

  @Override
  public int compareTo(CallRecordId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
