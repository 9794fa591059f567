package io.xcluster.driver.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.xcluster.driver.XClusterDataSource;
import io.xcluster.testing.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cross-cluster SELECTs inside a transaction: they see the transaction's own uncommitted writes on either
 * cluster, and they are reads, so they never take the transaction's one write cluster.
 */
class CrossClusterTransactionTest {
  /** Ids far from the loaded rows; every test removes what it committed. */
  private static final int NEW_POST = 900_001;
  private static final int NEW_SUBSCRIPTION = 900_002;
  private static final String JOINED =
      "SELECT p.title, s.plan FROM posts p JOIN subscriptions s ON s.id = p.subscription_id"
          + " WHERE p.id >= 900000 ORDER BY p.id";

  private SurfaceClusters clusters;
  private XClusterDataSource dataSource;

  @BeforeEach
  void start() throws SQLException {
    clusters = SurfaceClusters.shared();
    dataSource = clusters.dataSource();
    removeTestRows();
  }

  @AfterEach
  void stop() throws SQLException {
    dataSource.close();
    removeTestRows();
  }

  private void removeTestRows() throws SQLException {
    try (Connection content = clusters.content(); Connection accounts = clusters.accounts()) {
      Sql.run(content, "DELETE FROM posts WHERE id >= 900000");
      Sql.run(accounts, "DELETE FROM subscriptions WHERE id >= 900000");
    }
  }

  private static List<String> joined(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet results = statement.executeQuery(JOINED)) {
      return Rows.lines(results);
    }
  }

  private static long countDirectly(Connection direct, String sql) throws SQLException {
    try (direct) {
      return ((Number) Sql.queryRows(direct, sql).get(0).get(0)).longValue();
    }
  }

  @Test
  void aCrossClusterSelectSeesTheTransactionsUncommittedInsertOnContent() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.executeUpdate("INSERT INTO posts (id, subscription_id, title, score) VALUES (" + NEW_POST
            + ", 3, 'in-transaction', 77)");
      }
      assertEquals(List.of("in-transaction|pro"), joined(connection));
      assertEquals(0, countDirectly(clusters.content(), "SELECT COUNT(*) FROM posts WHERE id = " + NEW_POST),
          "the insert is not committed");
      connection.rollback();
      assertEquals(List.of(), joined(connection), "after rollback the row is gone");
      connection.setAutoCommit(true);
    }
    assertEquals(0, countDirectly(clusters.content(), "SELECT COUNT(*) FROM posts WHERE id = " + NEW_POST));
    assertEquals(0, dataSource.activeConnections("accounts"));
    assertEquals(0, dataSource.activeConnections("content"));
  }

  @Test
  void aCrossClusterSelectSeesTheTransactionsUncommittedInsertOnAccounts() throws SQLException {
    try (Connection content = clusters.content()) {
      Sql.run(content, "INSERT INTO posts VALUES (" + NEW_POST + ", " + NEW_SUBSCRIPTION + ", 'waiting', 1)");
    }
    try (Connection connection = dataSource.getConnection()) {
      assertEquals(List.of(), joined(connection), "no subscription yet");
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.executeUpdate("INSERT INTO subscriptions VALUES (" + NEW_SUBSCRIPTION
            + ", 1, 'gold', '2024-05-05 05:05:05', 5.00)");
      }
      assertEquals(List.of("waiting|gold"), joined(connection));
      assertEquals(0, countDirectly(clusters.accounts(),
          "SELECT COUNT(*) FROM subscriptions WHERE id = " + NEW_SUBSCRIPTION), "the insert is not committed");
      connection.rollback();
      assertEquals(List.of(), joined(connection), "after rollback the subscription is gone");
    }
    assertEquals(0, countDirectly(clusters.accounts(),
        "SELECT COUNT(*) FROM subscriptions WHERE id = " + NEW_SUBSCRIPTION));
  }

  @Test
  void aCommittedInsertIsSeenByLaterCrossClusterSelects() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.executeUpdate("INSERT INTO posts (id, subscription_id, title) VALUES (" + NEW_POST
            + ", 4, 'committed')");
      }
      connection.commit();
      assertEquals(List.of("committed|free"), joined(connection));
    }
    try (Connection other = dataSource.getConnection()) {
      assertEquals(List.of("committed|free"), joined(other));
    }
  }

  @Test
  void aCrossClusterSelectDoesNotClaimTheWriteCluster() throws SQLException {
    for (String firstWrite : List.of("accounts", "content")) {
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(false);
        joined(connection);
        try (Statement statement = connection.createStatement()) {
          if (firstWrite.equals("accounts")) {
            assertEquals(1, statement.executeUpdate("UPDATE subscriptions SET plan = 'pro' WHERE id = 3"));
          } else {
            assertEquals(1, statement.executeUpdate("UPDATE posts SET score = 3 WHERE id = 3"));
          }
        }
        joined(connection);
        connection.rollback();
      }
    }
  }

  @Test
  void afterACrossClusterSelectAWriteToASecondClusterIsStillRefused() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        joined(connection);
        statement.executeUpdate("INSERT INTO posts (id, subscription_id, title) VALUES (" + NEW_POST
            + ", 3, 'first write')");
        assertEquals(List.of("first write|pro"), joined(connection));
        SQLException refused = assertThrows(SQLException.class, () -> statement.executeUpdate(
            "UPDATE subscriptions SET plan = 'gold' WHERE id = 3"));
        assertEquals("25000", refused.getSQLState(), refused::getMessage);
        assertEquals(List.of("first write|pro"), joined(connection), "reads still work after the refusal");
      }
      connection.rollback();
      assertEquals(List.of(), joined(connection));
    }
    assertEquals("pro", clusters.subscriptionById.get(3L).plan());
    try (Connection accounts = clusters.accounts()) {
      assertEquals(List.of(List.of("pro")), Sql.queryRows(accounts, "SELECT plan FROM subscriptions WHERE id = 3"));
    }
  }

  @Test
  void theWriteClusterIsFreeAgainAfterRollback() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.executeUpdate("UPDATE posts SET score = 3 WHERE id = 3");
        joined(connection);
        connection.rollback();
        joined(connection);
        assertEquals(1, statement.executeUpdate("UPDATE subscriptions SET plan = 'pro' WHERE id = 3"));
      }
      connection.rollback();
    }
  }
}
