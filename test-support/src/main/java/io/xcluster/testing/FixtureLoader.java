package io.xcluster.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Creates fixture tables in an empty database and inserts their rows in one transaction. */
final class FixtureLoader {
  private static final DateTimeFormatter MYSQL_DATETIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT);

  private FixtureLoader() {}

  static void load(
      Connection connection, Dialect dialect, Collection<FixtureTable> tables, FixtureData data)
      throws SQLException {
    load(connection, dialect, tables, data::rows);
  }

  /** Loads the rows {@code rows} gives for each table (a shard's share of them, say). */
  static void load(
      Connection connection,
      Dialect dialect,
      Collection<FixtureTable> tables,
      java.util.function.Function<FixtureTable, List<List<Object>>> rows)
      throws SQLException {
    for (FixtureTable table : tables) {
      Sql.run(connection, table.createTableSql(dialect));
    }
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      for (FixtureTable table : tables) {
        insert(connection, dialect, table, rows.apply(table));
      }
      connection.commit();
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  /**
   * Binds one value. Timestamps go to MySQL as text: mysql-connector-j drops the fractional seconds
   * of temporal parameters when the server reports a version below 5.6.4, which MariaDB before 11
   * does ({@code 5.5.5-10.11...}).
   */
  private static void bind(
      PreparedStatement statement, int index, ColumnType type, Object value, Dialect dialect)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, type.jdbcType(dialect));
    } else if (value instanceof LocalDateTime time && dialect == Dialect.MYSQL) {
      statement.setString(index, MYSQL_DATETIME.format(time));
    } else {
      statement.setObject(index, value);
    }
  }

  private static void insert(
      Connection connection, Dialect dialect, FixtureTable table, List<List<Object>> rows)
      throws SQLException {
    List<FixtureColumn> columns = table.columns();
    try (PreparedStatement statement = connection.prepareStatement(table.insertSql())) {
      for (List<Object> row : rows) {
        for (int index = 0; index < columns.size(); index++) {
          bind(statement, index + 1, columns.get(index).type(), row.get(index), dialect);
        }
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }
}
