package io.xcluster.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xcluster.driver.jdbc.XClusterConnection;
import io.xcluster.testing.Sql;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code EXPLAIN XCLUSTER} shows the steps, clusters, SQL, bindings and in-memory work, and runs nothing. */
class ExplainXClusterTest {
  @TempDir static Path directory;
  static TwoClusters clusters;

  @BeforeAll
  static void createClusters() {
    clusters = new TwoClusters(directory);
  }

  @AfterAll
  static void shutdown() {
    XClusterDriver.shutdown();
  }

  @Test
  void crossClusterPlanHasOneRowPerStepAndRunsNothing() throws SQLException {
    List<QueryEvent> events = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(clusters.url());
        Statement statement = connection.createStatement()) {
      connection.unwrap(XClusterConnection.class).addQueryListener(events::add);
      List<List<Object>> rows = Sql.rows(statement.executeQuery("EXPLAIN XCLUSTER SELECT p.title FROM posts p"
          + " JOIN subscriptions s ON s.id = p.subscription_id WHERE s.plan = 'pro' ORDER BY p.title LIMIT 5"));
      assertEquals(3, rows.size(), rows.toString());
      assertEquals(List.of(1, "accounts"), rows.get(0).subList(0, 2));
      assertEquals("content", rows.get(1).get(1));
      assertTrue(String.valueOf(rows.get(1).get(2)).contains("subscription_id"), rows.toString());
      assertTrue(String.valueOf(rows.get(1).get(3)).contains("bind join"), rows.toString());
      assertTrue(String.valueOf(rows.get(1).get(3)).contains("up to 1000 keys per query"), rows.toString());
      assertTrue(String.valueOf(rows.get(2).get(4)).contains("limit 5"), rows.toString());
      assertEquals(List.of(), events, "EXPLAIN runs no query");
      ResultSet labels = statement.getResultSet();
      assertEquals("in_memory", labels.getMetaData().getColumnLabel(5));
    }
  }

  @Test
  void singleClusterStatementIsShownAsSentUnchanged() throws SQLException {
    try (Connection connection = DriverManager.getConnection(clusters.url());
        Statement statement = connection.createStatement()) {
      assertTrue(statement.execute("explain xcluster SELECT name FROM users WHERE id = 1"));
      List<List<Object>> rows = Sql.rows(statement.getResultSet());
      assertEquals(1, rows.size());
      assertEquals("accounts", rows.get(0).get(1));
      assertEquals("SELECT name FROM users WHERE id = 1", rows.get(0).get(2));
    }
  }

  @Test
  void partialAggregationGroupsTheLastTableInItsCluster() throws SQLException {
    try (Connection connection = DriverManager.getConnection(clusters.url());
        Statement statement = connection.createStatement()) {
      List<List<Object>> rows = Sql.rows(statement.executeQuery("EXPLAIN XCLUSTER SELECT s.plan, COUNT(*)"
          + " FROM subscriptions s JOIN posts p ON p.subscription_id = s.id GROUP BY s.plan"));
      String posts = String.valueOf(rows.get(1).get(2));
      assertTrue(posts.contains("COUNT(*) AS xc_a1") && posts.contains("GROUP BY p.subscription_id"), rows.toString());
      assertTrue(String.valueOf(rows.get(rows.size() - 1).get(4)).contains("SUM0"), rows.toString());
    }
  }

  /** The metadata of a prepared EXPLAIN: its parameters are its statement's; its columns are known on running. */
  @Test
  void aPreparedExplainAnswersMetadataWithoutSendingItsTextToACluster() throws SQLException {
    try (Connection connection = DriverManager.getConnection(clusters.url())) {
      for (String target : List.of("SELECT p.title FROM posts p WHERE p.id = ? AND p.title <> ?",
          "SELECT p.title FROM posts p JOIN subscriptions s ON s.id = p.subscription_id WHERE s.plan = ?"
              + " AND p.id > ?", "DELETE FROM posts WHERE id = ? AND title = ?")) {
        try (java.sql.PreparedStatement explain = connection.prepareStatement("EXPLAIN XCLUSTER " + target)) {
          assertEquals(2, explain.getParameterMetaData().getParameterCount(), target);
          org.junit.jupiter.api.Assertions.assertNull(explain.getMetaData(), target);
        }
      }
    }
  }

  @Test
  void aPreparedExplainDescribesAndNeverRunsItsStatement() throws SQLException {
    List<QueryEvent> events = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(clusters.url())) {
      connection.unwrap(XClusterConnection.class).addQueryListener(events::add);
      try (java.sql.PreparedStatement explain = connection.prepareStatement("EXPLAIN XCLUSTER SELECT p.title"
          + " FROM posts p JOIN subscriptions s ON s.id = p.subscription_id WHERE s.plan = ?")) {
        List<List<Object>> rows = Sql.rows(explain.executeQuery());
        assertEquals("content", rows.get(1).get(1), rows.toString());
        assertTrue(explain.execute());
      }
      try (java.sql.PreparedStatement delete = connection.prepareStatement("EXPLAIN XCLUSTER DELETE FROM posts")) {
        SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, delete::executeUpdate);
        assertEquals("55000", refused.getSQLState());
        assertTrue(refused.getMessage().contains("executeQuery()"), refused.getMessage());
        assertEquals(List.of(1, "content", "DELETE FROM posts"), Sql.rows(delete.executeQuery()).get(0).subList(0, 3));
      }
      assertEquals(List.of(), events, "EXPLAIN runs no query");
    }
  }

  @Test
  void analyzeRunsTheQueryAndCountsEachStepsQueriesRowsAndTime() throws SQLException {
    try (Connection connection = DriverManager.getConnection(clusters.url());
        Statement statement = connection.createStatement()) {
      String sql = "SELECT p.title FROM posts p JOIN subscriptions s ON s.id = p.subscription_id WHERE s.plan = 'pro'";
      long returned = Sql.rows(statement.executeQuery(sql)).size();
      List<List<Object>> rows = Sql.rows(statement.executeQuery("EXPLAIN XCLUSTER ANALYZE " + sql));
      assertEquals("time_ms", statement.getResultSet().getMetaData().getColumnLabel(8));
      List<Object> accounts = rows.stream().filter(r -> "accounts".equals(r.get(1))).findFirst().orElseThrow();
      List<Object> content = rows.stream().filter(r -> "content".equals(r.get(1))).findFirst().orElseThrow();
      assertEquals(1L, accounts.get(5), rows.toString());
      assertTrue(((Number) content.get(5)).longValue() >= 1, rows.toString());
      assertEquals(returned, ((Number) content.get(6)).longValue(), "each post joins its one subscription: " + rows);
      List<Object> total = rows.get(rows.size() - 1);
      assertEquals("returned " + returned + " rows", total.get(4));
      assertEquals(returned, ((Number) total.get(6)).longValue());
      assertTrue(((java.math.BigDecimal) total.get(7)).signum() >= 0);
    }
  }

  @Test
  void analyzeOfASingleClusterQueryAndRefusalOfWrites() throws SQLException {
    try (Connection connection = DriverManager.getConnection(clusters.url());
        Statement statement = connection.createStatement()) {
      Object usersBefore = Sql.rows(statement.executeQuery("SELECT COUNT(*) FROM users")).get(0).get(0);
      List<List<Object>> rows = Sql.rows(statement.executeQuery("EXPLAIN XCLUSTER ANALYZE SELECT name FROM users"));
      assertEquals(List.of(1, "accounts"), rows.get(0).subList(0, 2));
      assertEquals(1L, rows.get(0).get(5));
      SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
          () -> statement.executeQuery("EXPLAIN XCLUSTER ANALYZE DELETE FROM users"));
      assertEquals("0A000", refused.getSQLState());
      assertTrue(((Number) usersBefore).longValue() > 0);
      assertEquals(usersBefore, Sql.rows(statement.executeQuery("SELECT COUNT(*) FROM users")).get(0).get(0),
          "the refused DELETE deleted nothing");
    }
  }

  @Test
  void analyzeThroughAPreparedStatementRunsWithTheBoundValues() throws SQLException {
    try (Connection connection = DriverManager.getConnection(clusters.url());
        java.sql.PreparedStatement cross = connection.prepareStatement("EXPLAIN XCLUSTER ANALYZE SELECT p.title"
            + " FROM posts p JOIN subscriptions s ON s.id = p.subscription_id WHERE s.plan = ?");
        java.sql.PreparedStatement plain = connection.prepareStatement(
            "EXPLAIN XCLUSTER ANALYZE SELECT p.title FROM posts p WHERE p.subscription_id = ?");
        java.sql.PreparedStatement direct = connection.prepareStatement(
            "SELECT p.title FROM posts p JOIN subscriptions s ON s.id = p.subscription_id WHERE s.plan = ?")) {
      direct.setString(1, "pro");
      long returned = Sql.rows(direct.executeQuery()).size();
      cross.setString(1, "pro");
      List<List<Object>> rows = Sql.rows(cross.executeQuery());
      assertEquals("returned " + returned + " rows", rows.get(rows.size() - 1).get(4), rows.toString());
      plain.setLong(1, 1L);
      List<List<Object>> single = Sql.rows(plain.executeQuery());
      assertEquals("content", single.get(0).get(1));
      assertEquals(1L, single.get(0).get(5), single.toString());
    }
  }

  @Test
  void aPlainExplainOfASingleClusterStatementGoesToThatDatabase() throws SQLException {
    List<QueryEvent> events = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(clusters.url());
        Statement statement = connection.createStatement()) {
      connection.unwrap(XClusterConnection.class).addQueryListener(events::add);
      List<List<Object>> plan = Sql.rows(statement.executeQuery("EXPLAIN SELECT name FROM users WHERE id = 1"));
      assertTrue(!plan.isEmpty() && String.valueOf(plan.get(0).get(0)).toLowerCase().contains("users"), plan.toString());
    }
    assertEquals(List.of("accounts"), events.stream().map(QueryEvent::cluster).toList());
    assertEquals(QueryEvent.Kind.PASS_THROUGH, events.get(0).kind());
  }
}
