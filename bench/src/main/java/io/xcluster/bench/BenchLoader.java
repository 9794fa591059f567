package io.xcluster.bench;

import io.xcluster.testing.ColumnType;
import io.xcluster.testing.DbServer;
import io.xcluster.testing.Dialect;
import io.xcluster.testing.FixtureColumn;
import io.xcluster.testing.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Loads benchmark tables into one database, once: a marker table records the sizes, seed and format of
 * what was loaded, and a database whose marker matches is left alone. Otherwise the database is dropped
 * and recreated (byte-wise text order, like the tests' databases), the rows are inserted with
 * multi-row {@code INSERT ... VALUES (...), (...)} statements of {@value #ROWS_PER_INSERT} rows in one
 * transaction, the secondary indexes are built afterwards and the planner statistics refreshed.
 */
final class BenchLoader {
  /** Bumped whenever the schema, the generated values or the loading change, so old databases are reloaded. */
  static final int FORMAT = 3;

  private static final String MARKER = "xc_bench_marker";
  private static final int ROWS_PER_INSERT = 1000;
  private static final DateTimeFormatter MYSQL_DATETIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT);

  private BenchLoader() {}

  /**
   * Makes sure {@code database} on {@code server} holds exactly {@code tables} generated from {@code
   * sizes} and {@code seed}; reloads it when its marker says anything else or it does not exist.
   */
  static void ensure(
      DbServer server, String database, List<BenchTable> tables, BenchSizes sizes, long seed)
      throws SQLException {
    String marker = marker(tables, sizes, seed);
    if (marker.equals(loadedMarker(server, database))) {
      return;
    }
    long started = System.nanoTime();
    server.recreateDatabase(database);
    try (Connection connection = server.connect(database)) {
      load(connection, server.dialect(), tables, new BenchRows(sizes, seed), sizes);
      Sql.run(
          connection,
          "CREATE TABLE " + MARKER + " (description VARCHAR(400) NOT NULL)",
          "INSERT INTO " + MARKER + " (description) VALUES ('" + marker + "')");
    }
    System.out.printf(
        Locale.ROOT,
        "xcluster bench: loaded %s into %s on %s in %.1f s%n",
        describe(tables, sizes),
        database,
        server,
        (System.nanoTime() - started) / 1e9);
  }

  private static String marker(List<BenchTable> tables, BenchSizes sizes, long seed) {
    return "format=" + FORMAT + " scale=" + sizes.label() + " seed=" + seed + " tables="
        + tables.stream().map(BenchTable::tableName).collect(Collectors.joining(","));
  }

  /** The marker of what {@code database} holds; empty when it does not exist or has none. */
  private static String loadedMarker(DbServer server, String database) {
    try (Connection connection = server.connect(database);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT description FROM " + MARKER)) {
      return rows.next() ? rows.getString(1) : "";
    } catch (SQLException missing) {
      return "";
    }
  }

  private static void load(
      Connection connection, Dialect dialect, List<BenchTable> tables, BenchRows rows, BenchSizes sizes)
      throws SQLException {
    for (BenchTable table : tables) {
      Sql.run(connection, table.createSql(dialect));
    }
    connection.setAutoCommit(false);
    try {
      for (BenchTable table : tables) {
        insert(connection, dialect, table, rows, table.rows(sizes));
      }
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
    for (BenchTable table : tables) {
      Sql.run(connection, table.indexSql().toArray(String[]::new));
      Sql.run(connection, analyze(dialect, table));
      if (dialect == Dialect.POSTGRESQL) {
        requireAllVisible(connection, table);
      }
    }
  }

  /**
   * A loaded table whose pages are not all marked all-visible would not be measured as a table in service:
   * index-only scans would read the heap (Q4's count per subscription took 10 ms instead of 1 ms). Format 2
   * loaded with asynchronous commit, and VACUUM then saw commits not yet flushed and marked no page.
   */
  private static void requireAllVisible(Connection connection, BenchTable table) throws SQLException {
    List<List<Object>> pages = Sql.queryRows(connection,
        "SELECT relpages, relallvisible FROM pg_class WHERE oid = '" + table.tableName() + "'::regclass");
    long all = ((Number) pages.get(0).get(0)).longValue();
    long visible = ((Number) pages.get(0).get(1)).longValue();
    if (visible < all) {
      throw new IllegalStateException("VACUUM marked only " + visible + " of " + all + " pages of "
          + table.tableName() + " all-visible; is a transaction open on the server?");
    }
  }

  /**
   * Statistics, and on PostgreSQL also the visibility map and hint bits that autovacuum would have set on a
   * table in service: without them every run's first reads of a page rewrite it and index-only scans read the
   * heap, so the servers' times drifted by a factor of two between runs.
   */
  private static String analyze(Dialect dialect, BenchTable table) {
    return (dialect == Dialect.POSTGRESQL ? "VACUUM (ANALYZE) " : "ANALYZE TABLE ") + table.tableName();
  }

  private static void insert(
      Connection connection, Dialect dialect, BenchTable table, BenchRows rows, int count)
      throws SQLException {
    try (PreparedStatement full = connection.prepareStatement(table.insertSql(ROWS_PER_INSERT))) {
      long id = 1;
      for (; id + ROWS_PER_INSERT - 1 <= count; id += ROWS_PER_INSERT) {
        bindRows(full, dialect, table, rows, id, ROWS_PER_INSERT);
        full.executeUpdate();
      }
      int rest = (int) (count - id + 1);
      if (rest > 0) {
        try (PreparedStatement tail = connection.prepareStatement(table.insertSql(rest))) {
          bindRows(tail, dialect, table, rows, id, rest);
          tail.executeUpdate();
        }
      }
    }
  }

  private static void bindRows(
      PreparedStatement statement, Dialect dialect, BenchTable table, BenchRows rows, long firstId,
      int count)
      throws SQLException {
    List<FixtureColumn> columns = table.columns();
    int position = 1;
    for (long id = firstId; id < firstId + count; id++) {
      Object[] row = rows.row(table, id);
      for (int column = 0; column < row.length; column++) {
        bind(statement, position++, columns.get(column).type(), row[column], dialect);
      }
    }
  }

  /**
   * Timestamps go to MySQL as text: mysql-connector-j drops the fractional seconds of temporal
   * parameters when the server reports a version below 5.6.4, as MariaDB 10 does (see the tests'
   * fixture loader).
   */
  private static void bind(
      PreparedStatement statement, int index, ColumnType type, Object value, Dialect dialect)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, type == ColumnType.INT ? Types.INTEGER : Types.VARCHAR);
    } else if (value instanceof LocalDateTime time && dialect == Dialect.MYSQL) {
      statement.setString(index, MYSQL_DATETIME.format(time));
    } else {
      statement.setObject(index, value);
    }
  }

  private static String describe(List<BenchTable> tables, BenchSizes sizes) {
    return tables.stream()
        .map(table -> table.tableName() + " (" + table.rows(sizes) + ")")
        .collect(Collectors.joining(", "));
  }
}
