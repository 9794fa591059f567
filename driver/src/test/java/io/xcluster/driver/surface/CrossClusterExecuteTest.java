package io.xcluster.driver.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xcluster.driver.XClusterDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** {@code execute}, {@code getResultSet}, update counts and {@code executeUpdate} with a cross-cluster SELECT. */
class CrossClusterExecuteTest {
  private static final String SQL =
      "SELECT p.title FROM posts p JOIN subscriptions s ON s.id = p.subscription_id"
          + " WHERE s.user_id = 3 ORDER BY p.id";

  private static SurfaceClusters clusters;
  private static XClusterDataSource dataSource;
  private static List<String> expected;

  @BeforeAll
  static void start() {
    clusters = SurfaceClusters.shared();
    dataSource = clusters.dataSource();
    expected = clusters.titlesWhere(p -> true, s -> s.userId() == 3);
  }

  @AfterAll
  static void stop() {
    dataSource.close();
  }

  /**
   * No one server can describe the parameters: their count and mode are known, a type is 0A000 naming the
   * fix, and the statement still runs (the refusal comes from the metadata object, which no pool watches).
   */
  @Test
  void parameterMetaDataOfAStatementAcrossClustersCountsAndRefusesTypes() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(
            SQL.replace("= 3", "= ? AND p.title <> ?") + " LIMIT ?");
        PreparedStatement explain = connection.prepareStatement("EXPLAIN XCLUSTER " + SQL.replace("= 3", "= ?"))) {
      java.sql.ParameterMetaData parameters = select.getParameterMetaData();
      assertEquals(3, parameters.getParameterCount());
      assertEquals(java.sql.ParameterMetaData.parameterModeIn, parameters.getParameterMode(3));
      assertEquals(java.sql.ParameterMetaData.parameterNullableUnknown, parameters.isNullable(1));
      java.sql.SQLFeatureNotSupportedException refused =
          assertThrows(java.sql.SQLFeatureNotSupportedException.class, () -> parameters.getParameterType(1));
      assertEquals("0A000", refused.getSQLState());
      assertTrue(refused.getMessage().contains("getParameterType(1)") && refused.getMessage().contains("Fix:"),
          refused.getMessage());
      assertEquals("22023", assertThrows(SQLException.class, () -> parameters.getParameterMode(4)).getSQLState());
      assertEquals(1, explain.getParameterMetaData().getParameterCount());
      select.setInt(1, 3);
      select.setString(2, "no such title");
      select.setInt(3, 1_000);
      assertEquals(expected, Rows.strings(select.executeQuery(), "title"));
    }
  }

  @Test
  void executeReturnsTrueAndGetResultSetGivesTheRows() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      assertTrue(statement.execute(SQL));
      ResultSet results = statement.getResultSet();
      assertNotNull(results);
      assertSame(statement, results.getStatement());
      assertEquals(-1, statement.getUpdateCount());
      assertEquals(expected, Rows.strings(results, "title"));
      assertEquals(-1, statement.getUpdateCount());
      assertFalse(statement.getMoreResults());
      assertEquals(-1, statement.getUpdateCount(), "no more results: getMoreResults false and update count -1");
      assertTrue(results.isClosed(), "getMoreResults() closes the current result");
      assertNull(statement.getResultSet());
    }
  }

  @Test
  void preparedExecuteReturnsTrueAndGetResultSetGivesTheRows() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(
            "SELECT p.title FROM posts p JOIN subscriptions s ON s.id = p.subscription_id"
                + " WHERE s.user_id = ? ORDER BY p.id")) {
      statement.setLong(1, 3);
      assertTrue(statement.execute());
      assertEquals(-1, statement.getUpdateCount());
      try (ResultSet results = statement.getResultSet()) {
        assertEquals(expected, Rows.strings(results, "title"));
      }
      assertFalse(statement.getMoreResults());
      assertEquals(-1, statement.getUpdateCount());
    }
  }

  @Test
  void executeAfterAnUpdateOnTheSameStatementForgetsTheUpdateCount() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      assertFalse(statement.execute("UPDATE posts SET score = score WHERE id = 1"));
      assertEquals(1, statement.getUpdateCount(), "a single-cluster update has a count (rows matched)");
      assertTrue(statement.execute(SQL));
      assertEquals(-1, statement.getUpdateCount());
      assertEquals(expected, Rows.strings(statement.getResultSet(), "title"));
    }
  }

  @Test
  void executeUpdateWithCrossClusterSelectIsAnSqlException() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      assertSqlException(() -> statement.executeUpdate(SQL));
      assertSqlException(() -> statement.executeLargeUpdate(SQL));
      assertSqlException(() -> statement.executeUpdate(SQL, Statement.RETURN_GENERATED_KEYS));
      assertTrue(statement.execute(SQL), "the statement is still usable after the refusal");
      assertEquals(expected, Rows.strings(statement.getResultSet(), "title"));
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(SQL)) {
      assertSqlException(statement::executeUpdate);
      assertSqlException(statement::executeLargeUpdate);
      try (ResultSet results = statement.executeQuery()) {
        assertEquals(expected, Rows.strings(results, "title"));
      }
    }
    assertEquals(0, dataSource.activeConnections("accounts"));
    assertEquals(0, dataSource.activeConnections("content"));
  }

  @Test
  void addingACrossClusterSelectToABatchIsAnSqlException() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.addBatch(SQL);
      assertSqlException(statement::executeBatch);
    }
  }

  /** Exactly an SQLException (or a subclass): never an IllegalStateException, ClassCastException... */
  private static void assertSqlException(Executable call) {
    Throwable thrown = assertThrows(Throwable.class, call);
    assertTrue(thrown instanceof SQLException, () -> "expected an SQLException, got " + thrown);
  }
}
