package io.xcluster.bench;

import io.xcluster.testing.Dialect;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Binds join keys into one cluster's query as careful hand-written code does: on PostgreSQL one array
 * parameter ({@code col = ANY(?)}, one statement text whatever the number of keys); on MySQL {@code col
 * IN (?, ?, ...)} lists of at most {@value #MYSQL_BATCH} keys, the batch size xcluster binds by default,
 * run one after the other on the same connection.
 */
final class KeyBinding {
  static final int MYSQL_BATCH = 1000;

  /** Reads one result set of a keyed query. */
  @FunctionalInterface
  interface Reader {
    void read(ResultSet rows) throws SQLException;
  }

  private KeyBinding() {}

  /**
   * Runs {@code head + <keyColumn matches keys> + tail}; {@code tailParameters} bind the tail's {@code
   * ?}s. Runs nothing for no keys.
   */
  static void query(
      Connection connection,
      Dialect dialect,
      String head,
      String keyColumn,
      String tail,
      List<Long> keys,
      Reader reader,
      Object... tailParameters)
      throws SQLException {
    query(connection, dialect, head, keyColumn, tail, keys, 0, reader, tailParameters);
  }

  /**
   * As {@link #query(Connection, Dialect, String, String, String, List, Reader, Object...)}, each statement
   * with {@code fetchSize} (0: the driver's default), which makes pgjdbc read through a cursor in a
   * transaction.
   */
  static void query(
      Connection connection,
      Dialect dialect,
      String head,
      String keyColumn,
      String tail,
      List<Long> keys,
      int fetchSize,
      Reader reader,
      Object... tailParameters)
      throws SQLException {
    if (keys.isEmpty()) {
      return;
    }
    if (dialect == Dialect.POSTGRESQL) {
      try (PreparedStatement statement =
          connection.prepareStatement(head + keyColumn + " = ANY(?)" + tail)) {
        statement.setFetchSize(fetchSize);
        Array array = connection.createArrayOf("bigint", keys.toArray());
        statement.setArray(1, array);
        Jdbc.bind(statement, 2, tailParameters);
        run(statement, reader);
        array.free();
      }
      return;
    }
    for (int from = 0; from < keys.size(); from += MYSQL_BATCH) {
      List<Long> batch = keys.subList(from, Math.min(keys.size(), from + MYSQL_BATCH));
      try (PreparedStatement statement =
          connection.prepareStatement(head + keyColumn + inList(batch.size()) + tail)) {
        statement.setFetchSize(fetchSize);
        int position = 1;
        for (Long key : batch) {
          statement.setLong(position++, key);
        }
        Jdbc.bind(statement, position, tailParameters);
        run(statement, reader);
      }
    }
  }

  private static void run(PreparedStatement statement, Reader reader) throws SQLException {
    try (ResultSet rows = statement.executeQuery()) {
      reader.read(rows);
    }
  }

  private static String inList(int size) {
    StringBuilder list = new StringBuilder(" IN (");
    for (int i = 0; i < size; i++) {
      list.append(i == 0 ? "?" : ", ?");
    }
    return list.append(')').toString();
  }
}
