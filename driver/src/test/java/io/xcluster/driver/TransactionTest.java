package io.xcluster.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transactions across a PostgreSQL and a MariaDB cluster: reads anywhere, writes to one cluster, commit and
 * rollback reaching every cluster touched, the second-cluster write refused before it runs.
 */
class TransactionTest {
  @TempDir static Path directory;
  static TwoClusters clusters;
  Connection connection;

  @BeforeAll
  static void createClusters() {
    clusters = new TwoClusters(directory);
  }

  @AfterAll
  static void shutdown() {
    XClusterDriver.shutdown();
  }

  @BeforeEach
  void connect() throws SQLException {
    clusters.reset();
    connection = DriverManager.getConnection(clusters.url());
    connection.setAutoCommit(false);
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  private int update(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      return statement.executeUpdate(sql);
    }
  }

  private long count(String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  @Test
  void commitPublishesTheWritesOfTheWrittenCluster() throws SQLException {
    update("INSERT INTO comments VALUES (1, 1, 'hello')");
    assertEquals(2L, count("SELECT COUNT(*) FROM users"), "a read of the other cluster is allowed");
    assertEquals(0L, TwoClusters.scalar(clusters.content(), "SELECT COUNT(*) FROM comments"), "not yet visible");
    connection.commit();
    assertEquals(1L, TwoClusters.scalar(clusters.content(), "SELECT COUNT(*) FROM comments"));
  }

  @Test
  void rollbackUndoesTheWrites() throws SQLException {
    update("UPDATE users SET email = 'changed@example.com' WHERE id = 1");
    assertEquals(3L, count("SELECT COUNT(*) FROM posts"));
    connection.rollback();
    assertEquals("ada@example.com", TwoClusters.scalar(clusters.accounts(), "SELECT email FROM users WHERE id = 1"));
  }

  @Test
  void readsInsideTheTransactionSeeItsOwnWrites() throws SQLException {
    update("INSERT INTO comments VALUES (1, 1, 'mine')");
    assertEquals(1L, count("SELECT COUNT(*) FROM comments"));
    connection.rollback();
    assertEquals(0L, count("SELECT COUNT(*) FROM comments"));
  }

  @Test
  void writeToASecondClusterIsRefusedBeforeItRuns() throws SQLException {
    update("INSERT INTO comments VALUES (1, 1, 'first cluster')");
    SQLException refused = assertThrows(SQLException.class,
        () -> update("UPDATE users SET email = 'second@example.com' WHERE id = 1"));
    assertEquals("25000", refused.getSQLState());
    assertTrue(refused.getMessage().contains("'content'") && refused.getMessage().contains("'accounts'"),
        refused.getMessage());
    connection.commit();
    assertEquals(1L, TwoClusters.scalar(clusters.content(), "SELECT COUNT(*) FROM comments"));
    assertEquals("ada@example.com", TwoClusters.scalar(clusters.accounts(), "SELECT email FROM users WHERE id = 1"));
  }

  @Test
  void afterCommitTheNextTransactionMayWriteElsewhere() throws SQLException {
    update("INSERT INTO comments VALUES (1, 1, 'one')");
    connection.commit();
    update("UPDATE users SET email = 'next@example.com' WHERE id = 1");
    connection.commit();
    assertEquals("next@example.com", TwoClusters.scalar(clusters.accounts(), "SELECT email FROM users WHERE id = 1"));
  }

  @Test
  void preparedWritesFollowTheSameRule() throws SQLException {
    update("INSERT INTO comments VALUES (1, 1, 'one')");
    try (var insert = connection.prepareStatement("INSERT INTO subscriptions VALUES (?, 1, 'x')")) {
      insert.setInt(1, 9);
      assertEquals("25000", assertThrows(SQLException.class, insert::executeUpdate).getSQLState());
    }
  }

  @Test
  void closingWithAnOpenTransactionRollsBack() throws SQLException {
    update("INSERT INTO comments VALUES (1, 1, 'lost')");
    connection.close();
    assertEquals(0L, TwoClusters.scalar(clusters.content(), "SELECT COUNT(*) FROM comments"));
  }

  @Test
  void savepointRollsBackOnlyWhatCameAfterIt() throws SQLException {
    update("INSERT INTO comments VALUES (1, 1, 'kept')");
    Savepoint savepoint = connection.setSavepoint();
    update("INSERT INTO comments VALUES (2, 1, 'undone')");
    connection.rollback(savepoint);
    connection.commit();
    assertEquals(1L, TwoClusters.scalar(clusters.content(), "SELECT COUNT(*) FROM comments"));
  }

  @Test
  void savepointBeforeTheFirstWriteLetsAnotherClusterBeWrittenAfterRollingBack() throws SQLException {
    assertEquals(2L, count("SELECT COUNT(*) FROM users"));
    Savepoint beforeWrites = connection.setSavepoint("before_writes");
    update("INSERT INTO comments VALUES (1, 1, 'undone')");
    connection.rollback(beforeWrites);
    update("UPDATE users SET email = 'allowed@example.com' WHERE id = 1");
    connection.commit();
    assertEquals(0L, TwoClusters.scalar(clusters.content(), "SELECT COUNT(*) FROM comments"));
    assertEquals("allowed@example.com",
        TwoClusters.scalar(clusters.accounts(), "SELECT email FROM users WHERE id = 1"));
  }

  @Test
  void switchingAutoCommitOnCommits() throws SQLException {
    update("INSERT INTO comments VALUES (1, 1, 'committed by setAutoCommit')");
    connection.setAutoCommit(true);
    assertEquals(1L, TwoClusters.scalar(clusters.content(), "SELECT COUNT(*) FROM comments"));
  }

  @Test
  void commitWithAutoCommitOnIsAnError() throws SQLException {
    connection.setAutoCommit(true);
    assertEquals("25000", assertThrows(SQLException.class, connection::commit).getSQLState());
  }

  @Test
  void isolationAndReadOnlyReachThePhysicalConnections() throws SQLException {
    connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT current_setting('transaction_isolation') FROM users LIMIT 1")) {
      rows.next();
      assertEquals("serializable", rows.getString(1));
    }
    connection.rollback();
    connection.setReadOnly(true);
    SQLException readOnly = assertThrows(SQLException.class, () -> update("DELETE FROM users"));
    assertEquals("25006", readOnly.getSQLState(), "PostgreSQL's read_only_sql_transaction");
  }
}
