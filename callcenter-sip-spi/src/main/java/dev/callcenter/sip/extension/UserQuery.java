package dev.callcenter.sip.extension;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Which users to list; every criterion left null matches all.
 *
 * @param text matched case-insensitively against the id, name and e-mail
 */
public record UserQuery(@Nullable String text, @Nullable UserRole role) {
  public static final UserQuery ALL = new UserQuery(null, null);

  public UserQuery withRole(@Nullable UserRole value) {
    return new UserQuery(text, value);
  }

  public UserQuery containing(@Nullable String value) {
    return new UserQuery(value, role);
  }

  public boolean matches(User u) {
    if (role != null && role != u.role()) {
      return false;
    }
    if (text == null || text.isBlank()) {
      return true;
    }
    String needle = text.strip().toLowerCase(Locale.ROOT);
    return u.id().toLowerCase(Locale.ROOT).contains(needle) || u.name().toLowerCase(Locale.ROOT).contains(needle)
        || (u.email() != null && u.email().toLowerCase(Locale.ROOT).contains(needle));
  }
}
