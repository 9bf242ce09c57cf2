package dev.callcenter.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.callcenter.core.internal.Checks;
import java.util.UUID;
import java.util.regex.Pattern;

/** Identifies an agent. Letters, digits and {@code . _ : -}, at most 64 characters. */
public record AgentId(@JsonValue String value) implements Comparable<AgentId> {
  private static final Pattern FORM = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  public AgentId {
    Checks.matches(value, FORM, "agentId", "1-64 letters, digits or . _ : -");
  }

  @JsonCreator
  public static AgentId of(String value) {
    return new AgentId(value);
  }

  /** A new random id (a UUID). */
  public static AgentId random() {
    return new AgentId(UUID.randomUUID().toString());
  }

  @Override
  public int compareTo(AgentId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
