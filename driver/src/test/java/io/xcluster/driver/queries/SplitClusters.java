package io.xcluster.driver.queries;

import io.xcluster.driver.XClusterDataSource;
import io.xcluster.testing.LoadedTopology;
import io.xcluster.testing.RailsFixtures;
import io.xcluster.testing.Topology;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/**
 * The shared Rails fixtures (read-only) and the two ways of asking them a question: through xcluster over the
 * split clusters, recording every physical query, and directly on the colocated database that holds every table.
 */
final class SplitClusters {
  private SplitClusters() {}

  /** The argument source for tests that run on every topology: all-PostgreSQL and PostgreSQL with MariaDB. */
  static Stream<Named<LoadedTopology>> both() throws SQLException {
    return Stream.of(Named.of("pg_pg", pgPg()), Named.of("pg_mysql", pgMysql()));
  }

  static LoadedTopology pgPg() throws SQLException {
    return RailsFixtures.shared(Topology.pgPg());
  }

  static LoadedTopology pgMysql() throws SQLException {
    return RailsFixtures.shared(Topology.pgMysql());
  }

  /** The rows and physical queries of one statement run through xcluster. */
  record Run(List<List<Object>> rows, RecordedQueries queries) {}

  /**
   * Runs {@code sql} with {@code parameters} through the xcluster URL, recording its physical queries. Each call
   * has a runtime of its own, closed afterwards, so that URLs with option overrides leave no pools behind on the
   * shared test servers.
   */
  static Run throughXcluster(String url, String sql, Object... parameters) throws SQLException {
    RecordedQueries queries = new RecordedQueries();
    try (XClusterDataSource dataSource = new XClusterDataSource(url);
        Connection connection = dataSource.getConnection()) {
      queries.listenTo(connection);
      return new Run(query(connection, sql, parameters), queries);
    }
  }

  /** The rows the same statement returns on the colocated database, normalized. */
  static List<List<Object>> colocated(LoadedTopology topology, String sql, Object... parameters)
      throws SQLException {
    try (Connection connection = topology.connectColocated()) {
      return query(connection, sql, parameters);
    }
  }

  /** A single number the colocated database answers, e.g. a COUNT. */
  static long colocatedNumber(LoadedTopology topology, String sql, Object... parameters) throws SQLException {
    List<List<Object>> rows = colocated(topology, sql, parameters);
    if (rows.size() != 1 || rows.get(0).size() != 1) {
      throw new IllegalStateException("expected one value from " + sql + ", got " + rows);
    }
    return ((BigDecimal) rows.get(0).get(0)).longValueExact();
  }

  static List<List<Object>> query(Connection connection, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet results = statement.executeQuery()) {
        return normalizedRows(results);
      }
    }
  }

  /**
   * The rows as values that are equal exactly when the databases mean the same value: every number a {@link
   * BigDecimal} without trailing zeros, timestamps as {@code LocalDateTime}.
   */
  static List<List<Object>> normalizedRows(ResultSet results) throws SQLException {
    int columns = results.getMetaData().getColumnCount();
    List<List<Object>> rows = new ArrayList<>();
    while (results.next()) {
      List<Object> row = new ArrayList<>(columns);
      for (int column = 1; column <= columns; column++) {
        row.add(normalize(results.getObject(column)));
      }
      rows.add(row);
    }
    return rows;
  }

  /** The rows in a canonical order, for comparing results whose order the SQL leaves open. */
  static List<List<Object>> sorted(List<List<Object>> rows) {
    List<List<Object>> copy = new ArrayList<>(rows);
    copy.sort(Comparator.comparing(Object::toString));
    return copy;
  }

  private static Object normalize(Object raw) {
    if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
      return BigDecimal.valueOf(((Number) raw).longValue());
    }
    if (raw instanceof BigDecimal decimal) {
      return decimal.stripTrailingZeros();
    }
    if (raw instanceof java.math.BigInteger integer) {
      return new BigDecimal(integer);
    }
    if (raw instanceof Timestamp timestamp) {
      return timestamp.toLocalDateTime();
    }
    return raw;
  }
}
