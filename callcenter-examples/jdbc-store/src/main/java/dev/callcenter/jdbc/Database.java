package dev.callcenter.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callcenter.core.CallCenterException;
import dev.callcenter.core.NotFoundException;
import dev.callcenter.core.VersionConflictException;
import dev.callcenter.core.internal.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** Connections, transactions and column conversions shared by the JDBC stores. */
final class Database {
  /** SQL state of a unique-constraint violation, on H2 and PostgreSQL alike. */
  static final String UNIQUE_VIOLATION = "23505";

  private static final ObjectMapper JSON = Json.mapper();

  private final DataSource dataSource;

  Database(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
  <T> T inTransaction(String action, Work<T> work) {
    // the pool restores auto-commit when the connection goes back to it
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        rollbackQuietly(connection, e);
        throw e;
      }
    } catch (SQLException e) {
      throw JdbcStoreException.of(action, e);
    }
  }

  private static void rollbackQuietly(Connection connection, Throwable failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  /**
   * After an {@code UPDATE} or {@code DELETE ... WHERE id = ? AND version = ?} that touched {@code rows} rows:
   * explains a miss as {@link NotFoundException} or {@link VersionConflictException}.
   */
  static void requireWritten(Connection connection, int rows, String table, String kind, String id, long expected)
      throws SQLException {
    if (rows == 1) {
      return;
    }
    try (PreparedStatement statement = connection.prepareStatement("SELECT version FROM " + table + " WHERE id = ?")) {
      statement.setString(1, id);
      try (ResultSet row = statement.executeQuery()) {
        if (!row.next()) {
          throw NotFoundException.of(kind, id);
        }
        throw VersionConflictException.of(kind, id, expected, row.getLong(1));
      }
    }
  }

  // ---- free-text search

  /** Separates the fields of a {@code search_text} column; a needle containing it matches nothing. */
  static final char SEPARATOR = '\u001F';

  /**
   * The {@code search_text} of a record: each field in lower case ({@link Locale#ROOT}, as the in-memory
   * stores compare) between separators; null fields are left out.
   */
  static String searchText(Collection<? extends @Nullable String> fields) {
    StringBuilder text = new StringBuilder().append(SEPARATOR);
    for (String field : fields) {
      if (field != null) {
        text.append(field.toLowerCase(Locale.ROOT)).append(SEPARATOR);
      }
    }
    return text.toString();
  }

  /** A LIKE pattern (escape character backslash) matching any text that contains {@code literal}. */
  static String containing(String literal) {
    return "%" + literal.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  // ---- parameters and columns

  /** The instant as stored: whole microseconds, the precision of PostgreSQL timestamps. */
  static Instant stored(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  static @Nullable Instant storedOrNull(@Nullable Instant instant) {
    return instant == null ? null : stored(instant);
  }

  /** Binds {@code values} from parameter {@code first} on, converting instants, enums and durations. */
  static int bind(PreparedStatement statement, int first, List<?> values) throws SQLException {
    int index = first;
    for (Object value : values) {
      bind(statement, index++, value);
    }
    return index;
  }

  static void bind(PreparedStatement statement, int index, @Nullable Object value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.NULL);
    } else if (value instanceof Instant instant) {
      statement.setObject(index, OffsetDateTime.ofInstant(stored(instant), ZoneOffset.UTC));
    } else if (value instanceof Enum<?> constant) {
      statement.setString(index, constant.name());
    } else if (value instanceof Duration duration) {
      statement.setLong(index, duration.toNanos());
    } else if (value instanceof String text) {
      statement.setString(index, text);
    } else if (value instanceof Long number) {
      statement.setLong(index, number);
    } else if (value instanceof Integer number) {
      statement.setInt(index, number);
    } else {
      statement.setString(index, value.toString());
    }
  }

  static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static Instant requiredInstant(ResultSet row, String column) throws SQLException {
    Instant value = instant(row, column);
    if (value == null) {
      throw new SQLException("column " + column + " is null");
    }
    return value;
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new CallCenterException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  static <T> T fromJson(String json, TypeReference<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new CallCenterException("cannot read stored JSON as " + type.getType() + ": " + e.getOriginalMessage(), e);
    }
  }

  static <T> T fromJson(String json, Class<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new CallCenterException("cannot read stored JSON as " + type.getSimpleName() + ": "
          + e.getOriginalMessage(), e);
    }
  }
}
