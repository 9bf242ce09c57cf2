package dev.callcenter.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The WHERE clause of a list query, built from the criteria that are set; every value is a bound parameter. */
final class Where {
  private final StringBuilder sql = new StringBuilder();
  private final List<Object> values = new ArrayList<>();

  /** Adds {@code condition} (with {@code ?} for each of {@code conditionValues}) joined by AND. */
  Where and(String condition, Object... conditionValues) {
    sql.append(sql.length() == 0 ? " WHERE " : " AND ").append(condition);
    Collections.addAll(values, conditionValues);
    return this;
  }

  Where equal(String column, @Nullable Object value) {
    return value == null ? this : and(column + " = ?", value);
  }

  Where in(String column, Collection<?> accepted) {
    if (accepted.isEmpty()) {
      return this;
    }
    return and(column + " IN (" + String.join(", ", Collections.nCopies(accepted.size(), "?")) + ")",
        accepted.toArray());
  }

  Where atOrAfter(String column, @Nullable Instant from) {
    return from == null ? this : and(column + " >= ?", from);
  }

  Where before(String column, @Nullable Instant to) {
    return to == null ? this : and(column + " < ?", to);
  }

  /**
   * {@code column} (a {@code search_text} column) contains {@code needle} in lower case; a blank needle matches
   * everything, as in the in-memory stores.
   */
  Where containsText(String column, @Nullable String needle) {
    if (needle == null || needle.isBlank()) {
      return this;
    }
    if (needle.indexOf(Database.SEPARATOR) >= 0) {
      return and("1 = 0");
    }
    return and(column + " LIKE ? ESCAPE '\\'", Database.containing(needle.toLowerCase(Locale.ROOT)));
  }

  /** The clause, starting with a space, or empty when nothing is filtered. */
  String sql() {
    return sql.toString();
  }

  /** Binds the values from parameter {@code first} on; returns the index of the next parameter. */
  int bind(PreparedStatement statement, int first) throws SQLException {
    return Database.bind(statement, first, values);
  }
}
