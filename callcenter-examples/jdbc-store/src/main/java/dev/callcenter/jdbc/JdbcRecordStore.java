package dev.callcenter.jdbc;

import dev.callcenter.core.AlreadyExistsException;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.internal.Checks;
import dev.callcenter.core.store.Page;
import dev.callcenter.core.store.PageRequest;
import dev.callcenter.core.store.RecordStore;
import dev.callcenter.core.store.Versioned;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A versioned record kept in one table with columns {@code id} and {@code version} and the record's other
 * {@link #columns}. Updates and deletes are compare-and-set: {@code ... WHERE id = ? AND version = ?}.
 */
abstract class JdbcRecordStore<K, T extends Versioned<T>> implements RecordStore<K, T> {
  /** Rows fetched per round trip when streaming. */
  static final int FETCH_SIZE = 500;

  final Database database;
  private final String table;
  private final List<String> columns;
  private final String orderBy;
  private final String selectColumns;

  JdbcRecordStore(Database database, String table, List<String> columns, String orderBy) {
    this.database = database;
    this.table = table;
    this.columns = List.copyOf(columns);
    this.orderBy = orderBy;
    this.selectColumns = "id, version, " + String.join(", ", columns);
  }

  /** The values of {@link #columns}, in that order. */
  abstract List<Object> values(T record);

  /** The record of the current row. */
  abstract T read(ResultSet row) throws SQLException;

  /** The record as the database keeps it (times to the microsecond), so what a write returns equals a read. */
  abstract T asStored(T record);

  /** Writes what lives outside the main row, in the transaction of an insert or update. */
  void afterWrite(Connection connection, T record) throws SQLException {}

  @Override
  public T insert(T record) {
    Checks.notNull(record, kind());
    if (record.version() != 0) {
      throw InvalidInputException.of("version", "a new %s must be at version 0, was %d", kind(), record.version());
    }
    T stored = asStored(record.withVersion(1));
    String sql = "INSERT INTO " + table + " (" + selectColumns + ") VALUES ("
        + String.join(", ", Collections.nCopies(columns.size() + 2, "?")) + ")";
    return database.inTransaction("insert " + kind() + " " + record.key(), c -> {
      try (PreparedStatement statement = c.prepareStatement(sql)) {
        statement.setString(1, stored.key());
        statement.setLong(2, 1);
        Database.bind(statement, 3, values(stored));
        statement.executeUpdate();
      } catch (SQLException e) {
        if (Database.UNIQUE_VIOLATION.equals(e.getSQLState())) {
          throw duplicate(afterFailedStatement(c), stored, true);
        }
        throw e;
      }
      afterWrite(c, stored);
      return stored;
    });
  }

  /**
   * The exception for a write of {@code record} that broke a unique constraint: by default the key is taken
   * (only an insert can take a key). Stores with other unique columns say which one, reading through
   * {@code connection} (the one that failed, rolled back: never a second pooled connection).
   */
  RuntimeException duplicate(Connection connection, T record, boolean inserting) throws SQLException {
    return AlreadyExistsException.of(kind(), record.key());
  }

  /** Rolls back the failed write, as PostgreSQL refuses any further statement in a failed transaction. */
  private static Connection afterFailedStatement(Connection connection) throws SQLException {
    connection.rollback();
    return connection;
  }

  /** Whether a row with {@code id} exists, read through {@code connection}. */
  boolean exists(Connection connection, String id) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM " + table + " WHERE id = ?")) {
      statement.setString(1, id);
      try (ResultSet row = statement.executeQuery()) {
        return row.next();
      }
    }
  }

  @Override
  public Optional<T> find(K key) {
    Checks.notNull(key, "id");
    return database.inTransaction("read " + kind() + " " + key, c -> {
      try (PreparedStatement statement = c.prepareStatement(
          "SELECT " + selectColumns + " FROM " + table + " WHERE id = ?")) {
        statement.setString(1, key.toString());
        try (ResultSet row = statement.executeQuery()) {
          return row.next() ? Optional.of(read(row)) : Optional.empty();
        }
      }
    });
  }

  @Override
  public T update(T record) {
    Checks.notNull(record, kind());
    T stored = asStored(record.withVersion(record.version() + 1));
    String sql = "UPDATE " + table + " SET version = ?, " + String.join(" = ?, ", columns)
        + " = ? WHERE id = ? AND version = ?";
    return database.inTransaction("update " + kind() + " " + record.key(), c -> {
      int rows;
      try (PreparedStatement statement = c.prepareStatement(sql)) {
        statement.setLong(1, stored.version());
        int next = Database.bind(statement, 2, values(stored));
        statement.setString(next, record.key());
        statement.setLong(next + 1, record.version());
        rows = statement.executeUpdate();
      } catch (SQLException e) {
        if (Database.UNIQUE_VIOLATION.equals(e.getSQLState())) {
          throw duplicate(afterFailedStatement(c), stored, false);
        }
        throw e;
      }
      Database.requireWritten(c, rows, table, kind(), record.key(), record.version());
      afterWrite(c, stored);
      return stored;
    });
  }

  @Override
  public void delete(T record) {
    Checks.notNull(record, kind());
    database.inTransaction("delete " + kind() + " " + record.key(), c -> {
      try (PreparedStatement statement = c.prepareStatement(
          "DELETE FROM " + table + " WHERE id = ? AND version = ?")) {
        statement.setString(1, record.key());
        statement.setLong(2, record.version());
        Database.requireWritten(c, statement.executeUpdate(), table, kind(), record.key(), record.version());
      }
      return null;
    });
  }

  /** One page of the records matching {@code where}, in the store's order, with the total. */
  Page<T> page(Where where, PageRequest page) {
    Checks.notNull(page, "page");
    return database.inTransaction("list " + kind() + "s", c -> {
      long total;
      try (PreparedStatement statement = c.prepareStatement("SELECT COUNT(*) FROM " + table + where.sql())) {
        where.bind(statement, 1);
        try (ResultSet row = statement.executeQuery()) {
          row.next();
          total = row.getLong(1);
        }
      }
      List<T> items = new ArrayList<>();
      if (page.offset() < total) {
        try (PreparedStatement statement = c.prepareStatement("SELECT " + selectColumns + " FROM " + table
            + where.sql() + " ORDER BY " + orderBy + " LIMIT ? OFFSET ?")) {
          int next = where.bind(statement, 1);
          statement.setInt(next, page.limit());
          statement.setInt(next + 1, page.offset());
          try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
              items.add(read(row));
            }
          }
        }
      }
      return new Page<>(items, total, page.offset(), page.limit());
    });
  }

  /**
   * Streams the records matching {@code where} to {@code sink} through a cursor, {@link #FETCH_SIZE} rows at a
   * time (PostgreSQL needs a transaction and a fetch size for that; H2 spools large results to disk).
   */
  void stream(Where where, Consumer<? super T> sink) {
    Checks.notNull(sink, "sink");
    database.inTransaction("stream " + kind() + "s", c -> {
      try (PreparedStatement statement = c.prepareStatement("SELECT " + selectColumns + " FROM " + table
          + where.sql() + " ORDER BY " + orderBy, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
        statement.setFetchSize(FETCH_SIZE);
        where.bind(statement, 1);
        try (ResultSet row = statement.executeQuery()) {
          while (row.next()) {
            sink.accept(read(row));
          }
        }
      }
      return null;
    });
  }
}
