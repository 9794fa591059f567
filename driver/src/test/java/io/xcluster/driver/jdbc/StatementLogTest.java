package io.xcluster.driver.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xcluster.driver.QueryEvent;
import io.xcluster.driver.XClusterDriver;
import io.xcluster.testing.RailsFixtures;
import io.xcluster.testing.Topology;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The statement log's lines (logger {@code io.xcluster.statements}): one per logical statement saying how
 * it runs, one per physical query; SQL with its markers only, never parameter values.
 */
class StatementLogTest {
  @AfterAll
  static void shutdown() {
    XClusterDriver.shutdown();
  }

  @Test
  void aStatementIsSummarizedInOneLineWithItsClustersAndInMemoryWork() throws SQLException {
    String url = RailsFixtures.shared(Topology.pgMysql()).jdbcUrl();
    try (var connection = DriverManager.getConnection(url).unwrap(XClusterConnection.class)) {
      assertEquals("cluster accounts (tables)", StatementLog.summary(connection.plan("SELECT name FROM users")));
      String cross = StatementLog.summary(connection.plan("SELECT s.plan, COUNT(*) FROM subscriptions s"
          + " JOIN posts p ON p.subscription_id = s.id WHERE s.user_id = ? GROUP BY s.plan ORDER BY 1"));
      assertEquals("cross-cluster over [accounts, content]: accounts -> content bound; in memory group, order",
          cross);
      assertTrue(StatementLog.summary(connection.plan("SELECT name FROM users UNION SELECT title FROM posts"))
          .startsWith("set operation of 2 branches"));
    }
  }

  @Test
  void aPhysicalQueryLineHasNoParameterValues() {
    QueryEvent event = new QueryEvent("content", "SELECT p.title FROM posts p WHERE p.user_id = ANY(?)", 1, 7,
        1_500_000, "SELECT ... WHERE u.email = ?", null, QueryEvent.Kind.BIND_JOIN, "content");
    String line = StatementLog.describe(event);
    assertEquals("content BIND_JOIN 7 rows in 1500 µs, 1 parameters: SELECT p.title FROM posts p WHERE"
        + " p.user_id = ANY(?)", line);
    String longSql = "SELECT 1 FROM users WHERE id IN (" + "?, ".repeat(5_000) + "?)";
    String shortened = StatementLog.describe(new QueryEvent("accounts", longSql, 5_001, -1, 10, longSql, null,
        QueryEvent.Kind.PASS_THROUGH, "accounts"));
    assertTrue(shortened.length() < StatementLog.MAX_SQL + 200 && shortened.contains("characters)"), shortened);
  }

  @Test
  void aQueryAReadReplicaServedNamesTheReplica() {
    QueryEvent event = new QueryEvent("content", "SELECT title FROM posts", 0, -1, 2_000, "SELECT title FROM posts",
        null, QueryEvent.Kind.PASS_THROUGH, "content/replica2");
    assertTrue(event.onReplica());
    assertEquals("content/replica2 PASS_THROUGH -1 rows in 2 µs, 0 parameters: SELECT title FROM posts",
        StatementLog.describe(event));
  }
}
