package io.xcluster.driver.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xcluster.driver.XClusterDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Outside a transaction, a cross-cluster SELECT gives every physical connection back once its result is
 * closed, read to the end, or its connection closed, even when the application stops after one row of many.
 */
class ReleasingConnectionsTest {
  /** Every post with its subscription: {@link SurfaceClusters#POSTS} rows. */
  private static final String STREAMED =
      "SELECT p.id, p.title, s.plan FROM posts p JOIN subscriptions s ON s.id = p.subscription_id";
  private static final String ORDERED = STREAMED + " ORDER BY p.id";

  private XClusterDataSource dataSource;

  @BeforeEach
  void start() {
    dataSource = SurfaceClusters.shared().dataSource();
  }

  @AfterEach
  void stop() {
    dataSource.close();
  }

  private void assertNothingBorrowed(String when) {
    assertEquals(0, dataSource.activeConnections("accounts"), () -> "accounts' connections lent " + when);
    assertEquals(0, dataSource.activeConnections("content"), () -> "content's connections lent " + when);
  }

  @ParameterizedTest
  @ValueSource(strings = {ORDERED, STREAMED})
  void closingAfterOneRowOfManyGivesEveryConnectionBack(String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      Statement statement = connection.createStatement();
      ResultSet results = statement.executeQuery(sql);
      assertTrue(results.next());
      assertNotNull(results.getString("title"));
      results.close();
      statement.close();
      assertNothingBorrowed("after closing the result set and statement");
    }
  }

  @Test
  void aStreamedResultHoldsTheLastClusterUntilClosed() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      Statement statement = connection.createStatement();
      ResultSet results = statement.executeQuery(STREAMED);
      assertTrue(results.next());
      assertEquals(1, dataSource.activeConnections("content") + dataSource.activeConnections("accounts"),
          () -> "the last fetch streams from one cluster while the result is open: content "
              + dataSource.activeConnections("content") + ", accounts " + dataSource.activeConnections("accounts"));
      results.close();
      statement.close();
      assertNothingBorrowed("after closing the streamed result set and statement");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {ORDERED, STREAMED})
  void closingOnlyTheStatementAfterOneRowGivesEveryConnectionBack(String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      Statement statement = connection.createStatement();
      ResultSet results = statement.executeQuery(sql);
      assertTrue(results.next());
      statement.close();
      assertTrue(results.isClosed(), "closing the statement closes its result");
      assertNothingBorrowed("after closing the statement");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {ORDERED, STREAMED})
  void closingAPreparedStatementsHalfReadResultGivesEveryConnectionBack(String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      PreparedStatement statement = connection.prepareStatement(sql);
      ResultSet results = statement.executeQuery();
      for (int i = 0; i < 100; i++) {
        assertTrue(results.next());
      }
      results.close();
      statement.close();
      assertNothingBorrowed("after closing the prepared statement's result and the statement");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {ORDERED, STREAMED})
  void closingTheConnectionWhileAResultIsOpenGivesEveryConnectionBack(String sql) throws SQLException {
    Connection connection = dataSource.getConnection();
    Statement statement = connection.createStatement();
    ResultSet results = statement.executeQuery(sql);
    assertTrue(results.next());
    connection.close();
    assertTrue(results.isClosed(), "closing the connection closes its results");
    assertTrue(statement.isClosed(), "closing the connection closes its statements");
    assertNothingBorrowed("after closing the connection with an open result");
  }

  @Test
  void readingAStreamedResultToTheEndGivesEveryConnectionBackBeforeClose() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet results = statement.executeQuery(STREAMED)) {
      int rows = 0;
      while (results.next()) {
        rows++;
      }
      assertEquals(SurfaceClusters.POSTS, rows);
      assertNothingBorrowed("after reading the last row, before closing");
    }
  }

  @Test
  void manyHalfReadResultsInARowLeakNothing() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      for (int i = 0; i < 20; i++) {
        try (Statement statement = connection.createStatement();
            ResultSet results = statement.executeQuery(i % 2 == 0 ? STREAMED : ORDERED)) {
          assertTrue(results.next());
        }
      }
      assertNothingBorrowed("after twenty half-read results");
    }
  }
}
