package io.xcluster.driver.queries;

import static io.xcluster.driver.queries.SplitClusters.colocatedNumber;
import static io.xcluster.driver.queries.SplitClusters.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xcluster.driver.QueryEvent;
import io.xcluster.driver.XClusterDataSource;
import io.xcluster.testing.LoadedTopology;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the query listener is told: one event per physical query, failures included, never a bound value. */
class QueryEventReportingTest {
  private static final String BOTH = "io.xcluster.driver.queries.SplitClusters#both";
  private static final String SECRET = "zz-secret-zz";

  @ParameterizedTest(name = "{0}")
  @MethodSource(BOTH)
  void passThroughUpdateReportsOneEventWithItsUpdateCount(LoadedTopology topology) throws SQLException {
    String sql = "UPDATE posts SET title = title WHERE 1 = 0";
    RecordedQueries queries = new RecordedQueries();
    try (Connection connection = DriverManager.getConnection(topology.jdbcUrl());
        Statement statement = connection.createStatement()) {
      queries.listenTo(connection);
      assertEquals(0, statement.executeUpdate(sql));
    }
    assertEquals(List.of("content"), queries.clusters(), queries.toString());
    QueryEvent event = queries.get(0);
    assertEquals(0, event.rows(), queries.toString());
    assertEquals(sql, event.sql());
    assertEquals(sql, event.statement());
    assertEquals(0, event.parameters());
    assertFalse(event.failed());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(BOTH)
  void batchesReportOneEventPerPhysicalBatch(LoadedTopology topology) throws SQLException {
    RecordedQueries queries = new RecordedQueries();
    try (Connection connection = DriverManager.getConnection(topology.jdbcUrl())) {
      queries.listenTo(connection);
      try (Statement statement = connection.createStatement()) {
        statement.addBatch("UPDATE posts SET title = title WHERE 1 = 0");
        statement.addBatch("UPDATE users SET name = name WHERE 1 = 0");
        statement.executeBatch();
      }
      try (PreparedStatement prepared = connection.prepareStatement("UPDATE dogs SET name = ? WHERE 1 = 0")) {
        prepared.setString(1, SECRET);
        prepared.addBatch();
        prepared.setString(1, SECRET);
        prepared.addBatch();
        prepared.executeBatch();
      }
    }
    assertEquals(List.of("content", "accounts", "pets"), queries.clusters(), queries.toString());
    assertEquals(2, queries.get(2).parameters(), queries.toString());
    assertFalse(queries.toString().contains(SECRET), queries.toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(BOTH)
  void rolledBackPassThroughUpdateReportsTheRowsItChanged(LoadedTopology topology) throws SQLException {
    String sql = "UPDATE dogs SET name = name WHERE human_id IS NULL";
    long ownerless = colocatedNumber(topology, "SELECT COUNT(*) FROM dogs WHERE human_id IS NULL");
    assertTrue(ownerless > 0, "the fixture has dogs without a human");
    RecordedQueries queries = new RecordedQueries();
    try (Connection connection = DriverManager.getConnection(topology.jdbcUrl())) {
      connection.setAutoCommit(false);
      queries.listenTo(connection);
      try (Statement statement = connection.createStatement()) {
        assertEquals(ownerless, statement.executeUpdate(sql));
      } finally {
        connection.rollback();
      }
    }
    assertEquals(List.of("pets"), queries.clusters(), queries.toString());
    assertEquals(ownerless, queries.get(0).rows(), queries.toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(BOTH)
  void preparedPassThroughQueryReportsOneEventWithItsParameterCount(LoadedTopology topology) throws SQLException {
    String sql = "SELECT name FROM users WHERE id = ? AND name <> ?";
    RecordedQueries queries = new RecordedQueries();
    try (Connection connection = DriverManager.getConnection(topology.jdbcUrl())) {
      queries.listenTo(connection);
      assertEquals(1, query(connection, sql, 1L, SECRET).size());
    }
    assertEquals(List.of("accounts"), queries.clusters(), queries.toString());
    assertEquals(2, queries.get(0).parameters(), queries.toString());
    assertFalse(queries.get(0).sql().contains(SECRET), queries.toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(BOTH)
  void boundValuesNeverAppearInTheReportedSql(LoadedTopology topology) throws SQLException {
    String sql = "SELECT u.name, p.title FROM users u JOIN posts p ON p.user_id = u.id"
        + " WHERE u.name <> ? AND p.title <> ? AND u.id <= 3";
    RecordedQueries queries = new RecordedQueries();
    try (Connection connection = DriverManager.getConnection(topology.jdbcUrl())) {
      queries.listenTo(connection);
      query(connection, sql, SECRET, SECRET);
    }
    String log = queries.toString();
    assertEquals(List.of("accounts", "content"), queries.clusters(), log);
    for (QueryEvent event : queries.events()) {
      assertFalse(event.sql().contains(SECRET), log);
      assertFalse(event.statement().contains(SECRET), log);
      assertEquals(sql, event.statement(), "the event names the application's statement; " + log);
    }
    assertEquals(1, queries.get(0).parameters(), "the accounts query binds u.name; " + log);
    assertTrue(queries.get(1).parameters() >= 2, "the content query binds p.title and the keys; " + log);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(BOTH)
  void failureOfTheSecondStepIsReportedAndThrownAsSqlExceptionWithoutLeakingConnections(LoadedTopology topology)
      throws SQLException {
    String sql = "SELECT u.name, p.title FROM users u JOIN posts p ON p.user_id = u.id"
        + " WHERE u.id = 1 AND xc_no_such_function(p.score) > 0";
    RecordedQueries queries = new RecordedQueries();
    try (XClusterDataSource dataSource = new XClusterDataSource(topology.jdbcUrl());
        Connection connection = dataSource.getConnection()) {
      queries.listenTo(connection);
      assertThrows(SQLException.class, () -> query(connection, sql));
      String log = queries.toString();

      assertEquals(List.of("accounts", "content"), queries.clusters(), log);
      assertFalse(queries.get(0).failed(), log);
      QueryEvent failed = queries.get(1);
      assertTrue(failed.failed(), log);
      assertEquals(sql, failed.statement(), log);
      assertEquals(0, dataSource.activeConnections("accounts"), "accounts connection returned to its pool");
      assertEquals(0, dataSource.activeConnections("content"), "content connection returned to its pool");

      queries.clear();
      List<List<Object>> rows = query(connection,
          "SELECT u.name, p.title FROM users u JOIN posts p ON p.user_id = u.id WHERE u.id = 1");
      assertEquals(rows.size(), queries.get(1).rows(), "the connection still runs cross-cluster queries");
      assertEquals(1, query(connection, "SELECT 1").size(), "and single-cluster ones");
    }
  }

  /**
   * PostgreSQL raises the division by zero only when its scan reaches post 30; with a fetch size of 1 inside a
   * transaction, pgjdbc reads through a cursor, so the content query fails while its rows are read (streamed into
   * the result when there is no ORDER BY, read whole before sorting when there is).
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"", " ORDER BY u.name"})
  void failureWhileReadingTheSecondStepsRowsIsReportedAsFailed(String orderBy) throws SQLException {
    LoadedTopology topology = SplitClusters.pgPg();
    String sql = "SELECT u.name, p.title FROM users u JOIN posts p ON p.user_id = u.id"
        + " WHERE u.id <= 20 AND 100 / (p.id - 30) <> 0" + orderBy;
    RecordedQueries queries = new RecordedQueries();
    try (XClusterDataSource dataSource = new XClusterDataSource(topology.jdbcUrl());
        Connection connection = dataSource.getConnection()) {
      queries.listenTo(connection);
      connection.setAutoCommit(false);
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        statement.setFetchSize(1);
        SQLException thrown = assertThrows(SQLException.class, () -> readAll(statement));
        assertEquals("22012", thrown.getSQLState(), "PostgreSQL's division_by_zero: " + thrown);
      } finally {
        connection.rollback();
      }
      String log = queries.toString();
      assertEquals(List.of("accounts", "content"), queries.clusters(), log);
      assertFalse(queries.get(0).failed(), log);
      assertTrue(queries.get(1).failed(), "the content query failed while its rows were read; " + log);
      assertEquals(0, dataSource.activeConnections("accounts"), "accounts connection returned to its pool");
      assertEquals(0, dataSource.activeConnections("content"), "content connection returned to its pool");
      assertEquals(1, query(connection, "SELECT 1").size(), "the connection still works");
    }
  }

  private static int readAll(PreparedStatement statement) throws SQLException {
    int rows = 0;
    try (ResultSet results = statement.executeQuery()) {
      while (results.next()) {
        rows++;
      }
    }
    return rows;
  }
}
