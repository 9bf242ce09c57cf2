package dev.callcenter.sip.extension;

import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which extensions to list; every criterion left null (or empty) matches all.
 *
 * @param text matched case-insensitively against the extension code and display name
 * @param assigned true: only extensions assigned to a user; false: only unassigned ones
 */
public record ExtensionQuery(
    @Nullable String text, Set<ExtensionStatus> statuses, @Nullable String userId, @Nullable Boolean assigned) {
  public static final ExtensionQuery ALL = new ExtensionQuery(null, Set.of(), null, null);

  public ExtensionQuery {
    statuses = Set.copyOf(statuses);
  }

  public static ExtensionQuery containing(@Nullable String text) {
    return new ExtensionQuery(text, Set.of(), null, null);
  }

  public ExtensionQuery withStatus(ExtensionStatus... values) {
    return new ExtensionQuery(text, Set.of(values), userId, assigned);
  }

  public ExtensionQuery forUser(@Nullable String value) {
    return new ExtensionQuery(text, statuses, value, assigned);
  }

  public ExtensionQuery assigned(@Nullable Boolean value) {
    return new ExtensionQuery(text, statuses, userId, value);
  }

  /** Whether {@code e} matches; the in-memory store's filter and the reference for other stores. */
  public boolean matches(Extension e) {
    return (statuses.isEmpty() || statuses.contains(e.status()))
        && (userId == null || userId.equals(e.userId()))
        && (assigned == null || assigned == (e.userId() != null))
        && (text == null || text.isBlank() || contains(e.extcode(), text) || contains(e.displayName(), text));
  }

  private static boolean contains(String haystack, String needle) {
    return haystack.toLowerCase(Locale.ROOT).contains(needle.strip().toLowerCase(Locale.ROOT));
  }
}
