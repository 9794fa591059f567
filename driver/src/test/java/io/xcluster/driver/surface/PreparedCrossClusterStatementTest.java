package io.xcluster.driver.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.xcluster.driver.XClusterDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One prepared cross-cluster SELECT, executed again and again with new parameter values. */
class PreparedCrossClusterStatementTest {
  /** Parameter 1 goes to accounts, 2 to content, 3 is evaluated in memory. */
  private static final String ORDERED =
      "SELECT p.title, s.plan FROM posts p JOIN subscriptions s ON s.id = p.subscription_id"
          + " WHERE s.plan = ? AND p.score >= ? ORDER BY p.id LIMIT ?";
  /** Without ORDER BY the last fetch streams; parameter 1 goes to content, 2 to accounts. */
  private static final String STREAMED =
      "SELECT p.title FROM posts p JOIN subscriptions s ON s.id = p.subscription_id"
          + " WHERE p.id <= ? AND s.user_id = ?";

  private static SurfaceClusters clusters;
  private static XClusterDataSource dataSource;

  @BeforeAll
  static void start() {
    clusters = SurfaceClusters.shared();
    dataSource = clusters.dataSource();
  }

  @AfterAll
  static void stop() {
    dataSource.close();
  }

  private List<String> expectedOrdered(String plan, int minScore, int limit) {
    return clusters.titlesWhere(p -> p.score() != null && p.score() >= minScore, s -> s.plan().equals(plan))
        .stream().limit(limit).toList();
  }

  private static List<String> run(PreparedStatement statement) throws SQLException {
    try (ResultSet results = statement.executeQuery()) {
      return Rows.strings(results, "title");
    }
  }

  @Test
  void reExecutionWithNewValuesInBothClustersAndLimitGivesEachExecutionsRows() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(ORDERED)) {
      Object[][] runs = {{"pro", 90, 5}, {"free", 50, 3}, {"pro", 99, 1000}, {"free", 98, 2}, {"gold", 0, 10}};
      for (Object[] values : runs) {
        statement.setString(1, (String) values[0]);
        statement.setInt(2, (Integer) values[1]);
        statement.setInt(3, (Integer) values[2]);
        List<String> expected = expectedOrdered((String) values[0], (Integer) values[1], (Integer) values[2]);
        assertEquals(expected, run(statement), () -> "parameters " + List.of(values));
      }
    }
  }

  @Test
  void reExecutionKeepsEarlierValuesThatWereNotSetAgain() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(ORDERED)) {
      statement.setString(1, "pro");
      statement.setInt(2, 95);
      statement.setInt(3, 4);
      assertEquals(expectedOrdered("pro", 95, 4), run(statement));
      statement.setInt(3, 2);
      assertEquals(expectedOrdered("pro", 95, 2), run(statement));
      statement.setString(1, "free");
      assertEquals(expectedOrdered("free", 95, 2), run(statement));
    }
  }

  @Test
  void streamedReExecutionGivesEachExecutionsRows() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(STREAMED)) {
      int[][] runs = {{1000, 3}, {400, 7}, {5000, 50}, {10, 49}};
      for (int[] values : runs) {
        statement.setInt(1, values[0]);
        statement.setLong(2, values[1]);
        List<String> expected = clusters.titlesWhere(p -> p.id() <= values[0], s -> s.userId() == values[1]);
        assertEquals(Rows.sorted(expected), Rows.sorted(run(statement)),
            () -> "parameters " + values[0] + ", " + values[1]);
      }
    }
  }

  @Test
  void reExecutingWhileTheLastResultIsHalfReadClosesIt() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(STREAMED)) {
      statement.setInt(1, 5000);
      statement.setLong(2, 1);
      ResultSet first = statement.executeQuery();
      first.next();
      statement.setLong(2, 2);
      List<String> second = run(statement);
      assertEquals(Rows.sorted(clusters.titlesWhere(p -> true, s -> s.userId() == 2)), Rows.sorted(second));
      assertThrows(SQLException.class, first::next, "the first result was closed by the re-execution");
    }
    assertEquals(0, dataSource.activeConnections("accounts"));
    assertEquals(0, dataSource.activeConnections("content"));
  }

  @Test
  void missingClusterParameterAfterClearParametersIsAnSqlException() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(ORDERED)) {
      statement.setString(1, "pro");
      statement.setInt(2, 90);
      statement.setInt(3, 5);
      assertEquals(expectedOrdered("pro", 90, 5), run(statement));
      statement.clearParameters();
      statement.setString(1, "pro");
      statement.setInt(3, 5);
      assertThrows(SQLException.class, statement::executeQuery, "parameter 2 (content's predicate) is unset");
      statement.clearParameters();
      statement.setInt(2, 90);
      statement.setInt(3, 5);
      assertThrows(SQLException.class, statement::executeQuery, "parameter 1 (accounts' predicate) is unset");
    }
  }

  @Test
  void missingLimitParameterAfterClearParametersIsAnSqlException() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(ORDERED)) {
      statement.setString(1, "pro");
      statement.setInt(2, 90);
      statement.setInt(3, 5);
      run(statement);
      statement.clearParameters();
      statement.setString(1, "pro");
      statement.setInt(2, 90);
      assertThrows(SQLException.class, statement::executeQuery);
    }
  }

  @Test
  void noParameterSetAtAllAfterClearParametersIsAnSqlException() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(STREAMED)) {
      statement.setInt(1, 10);
      statement.setLong(2, 1);
      run(statement);
      statement.clearParameters();
      assertThrows(SQLException.class, statement::executeQuery);
    }
  }

  @Test
  void aFailedExecutionLeavesTheStatementUsableAndNoConnectionBorrowed() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(ORDERED)) {
      statement.setString(1, "pro");
      statement.setInt(3, 5);
      assertThrows(SQLException.class, statement::executeQuery);
      assertEquals(0, dataSource.activeConnections("accounts"), "after the failure, accounts");
      assertEquals(0, dataSource.activeConnections("content"), "after the failure, content");
      statement.setInt(2, 90);
      List<String> rows = run(statement);
      assertEquals(expectedOrdered("pro", 90, 5), rows);
      assertFalse(rows.isEmpty());
    }
  }
}
