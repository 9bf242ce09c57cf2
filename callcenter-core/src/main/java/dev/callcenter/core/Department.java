package dev.callcenter.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.callcenter.core.internal.Checks;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A department a call can be routed to. An open set: {@link #RECEPTION}, {@link #SALES} and {@link #COMPLAINTS}
 * are defined; a team adds its own with {@link #of}.
 *
 * @param id lower-case slug, for example {@code billing} or {@code tech_support}
 */
public record Department(@JsonValue String id) {
  private static final Pattern FORM = Pattern.compile("[a-z][a-z0-9_-]{0,63}");

  public static final Department RECEPTION = new Department("reception");
  public static final Department SALES = new Department("sales");
  public static final Department COMPLAINTS = new Department("complaints");

  public Department {
    Checks.notBlank(id, "department");
    id = id.trim().toLowerCase(Locale.ROOT);
    Checks.matches(id, FORM, "department", "a slug of letters, digits, '_' or '-' starting with a letter");
  }

  /** Parses a department id in any letter case. */
  @JsonCreator
  public static Department of(String id) {
    return new Department(id);
  }

  @Override
  public String toString() {
    return id;
  }
}
