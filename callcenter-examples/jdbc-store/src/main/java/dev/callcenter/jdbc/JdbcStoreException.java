package dev.callcenter.jdbc;

import dev.callcenter.core.CallCenterException;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/** The database failed or could not be reached. Whatever the failed operation wrote was rolled back. */
public final class JdbcStoreException extends CallCenterException {
  private static final long serialVersionUID = 1L;
  private final @Nullable String sqlState;

  private JdbcStoreException(String message, @Nullable String sqlState, Throwable cause) {
    super(message, cause);
    this.sqlState = sqlState;
  }

  /** {@code action} failed with {@code cause}; the message names the action and the database's SQL state. */
  public static JdbcStoreException of(String action, SQLException cause) {
    return new JdbcStoreException(String.format("cannot %s: %s (SQL state %s)", action, cause.getMessage(),
        cause.getSQLState()), cause.getSQLState(), cause);
  }

  /** {@code action} failed for a reason other than an SQL error (for example a migration). */
  public static JdbcStoreException of(String action, RuntimeException cause) {
    return new JdbcStoreException(String.format("cannot %s: %s", action, cause.getMessage()), null, cause);
  }

  /** The SQL state the database reported, when it did. */
  public @Nullable String sqlState() {
    return sqlState;
  }
}
