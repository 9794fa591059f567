package io.xcluster.driver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PreparedStatement, batches, generated keys and CallableStatement through xcluster on real clusters. */
class PreparedStatementTest {
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
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  @Test
  void settersKeepTheirTypesOnPostgres() throws SQLException {
    Timestamp created = Timestamp.valueOf("2025-06-07 08:09:10.123");
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO users (name, email, created_at, balance, active) VALUES (?, ?, ?, ?, ?)")) {
      insert.setString(1, "Linus");
      insert.setNull(2, Types.VARCHAR);
      insert.setTimestamp(3, created);
      insert.setBigDecimal(4, new BigDecimal("12.34"));
      insert.setBoolean(5, true);
      assertEquals(1, insert.executeUpdate());
    }
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT email, created_at, balance, active FROM users WHERE name = ?")) {
      select.setString(1, "Linus");
      try (ResultSet rows = select.executeQuery()) {
        assertTrue(rows.next());
        assertNull(rows.getString(1));
        assertTrue(rows.wasNull());
        assertEquals(created, rows.getTimestamp(2));
        assertEquals(LocalDateTime.parse("2025-06-07T08:09:10.123"), rows.getObject(2, LocalDateTime.class));
        assertEquals(new BigDecimal("12.34"), rows.getBigDecimal(3));
        assertTrue(rows.getBoolean(4));
      }
    }
  }

  @Test
  void reExecutionWithNewParametersOnMysql() throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT title FROM posts WHERE score = ?")) {
      select.setInt(1, 10);
      try (ResultSet rows = select.executeQuery()) {
        assertTrue(rows.next());
        assertEquals("first", rows.getString("TITLE"));
      }
      select.setLong(1, 30L);
      try (ResultSet rows = select.executeQuery()) {
        assertTrue(rows.next());
        assertEquals("third", rows.getString(1));
      }
      select.clearParameters();
      select.setObject(1, 99);
      try (ResultSet rows = select.executeQuery()) {
        assertFalse(rows.next());
      }
    }
  }

  @Test
  void missingParameterIsTheDriversOwnError() throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT name FROM users WHERE id = ?")) {
      assertThrows(SQLException.class, select::executeQuery);
    }
  }

  @Test
  void metaDataIsAvailableBeforeExecution() throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT id, title FROM posts WHERE id = ?")) {
      assertEquals(1, select.getParameterMetaData().getParameterCount());
      assertEquals("title", select.getMetaData().getColumnLabel(2).toLowerCase(java.util.Locale.ROOT));
    }
  }

  @Test
  void batchesRunOnTheirCluster() throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO comments (id, post_id, body) VALUES (?, ?, ?)")) {
      for (int id = 1; id <= 3; id++) {
        insert.setInt(1, id);
        insert.setInt(2, 1);
        insert.setString(3, "comment " + id);
        insert.addBatch();
      }
      int[] counts = insert.executeBatch();
      assertEquals(3, counts.length);
    }
    assertEquals(3L, TwoClusters.scalar(clusters.content(), "SELECT COUNT(*) FROM comments"));
  }

  @Test
  void statementBatchSpanningClustersRunsEachPartOnItsCluster() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.addBatch("INSERT INTO comments VALUES (10, 1, 'a')");
      statement.addBatch("INSERT INTO comments VALUES (11, 1, 'b')");
      statement.addBatch("UPDATE users SET email = 'x@example.com' WHERE id = 2");
      statement.addBatch("INSERT INTO comments VALUES (12, 1, 'c')");
      assertArrayEquals(new int[] {1, 1, 1, 1}, statement.executeBatch());
    }
    assertEquals(3L, TwoClusters.scalar(clusters.content(), "SELECT COUNT(*) FROM comments"));
    assertEquals("x@example.com", TwoClusters.scalar(clusters.accounts(), "SELECT email FROM users WHERE id = 2"));
  }

  @Test
  void failingBatchReportsTheCountsOfEarlierClusters() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.addBatch("UPDATE users SET email = 'y@example.com' WHERE id = 1");
      statement.addBatch("INSERT INTO comments VALUES (20, 1, 'a')");
      statement.addBatch("INSERT INTO comments VALUES (20, 1, 'duplicate')");
      BatchUpdateException failure = assertThrows(BatchUpdateException.class, statement::executeBatch);
      assertEquals(1, failure.getUpdateCounts()[0], "the accounts part ran before the failing content part");
    }
  }

  @Test
  void generatedKeysFromMysqlAutoIncrement() throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO posts (subscription_id, title) VALUES (?, ?)", Statement.RETURN_GENERATED_KEYS)) {
      insert.setInt(1, 2);
      insert.setString(2, "fourth");
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        assertTrue(keys.next());
        assertEquals(4L, keys.getLong(1));
      }
    }
  }

  @Test
  void generatedKeysFromPostgresByColumnName() throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO users (name) VALUES (?)", new String[] {"id"})) {
      insert.setString(1, "Barbara");
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        assertTrue(keys.next());
        assertEquals(3L, keys.getLong("id"));
      }
    }
    try (Statement statement = connection.createStatement()) {
      statement.executeUpdate("INSERT INTO users (name) VALUES ('Edsger')", Statement.RETURN_GENERATED_KEYS);
      try (ResultSet keys = statement.getGeneratedKeys()) {
        assertTrue(keys.next());
        assertEquals(4L, keys.getLong("id"));
      }
    }
  }

  @Test
  void callableStatementOnTheDefaultCluster() throws SQLException {
    try (Connection direct = clusters.accounts(); Statement ddl = direct.createStatement()) {
      ddl.execute("CREATE OR REPLACE FUNCTION add_one(x INT) RETURNS INT AS 'SELECT x + 1' LANGUAGE SQL");
    }
    try (CallableStatement call = connection.prepareCall("{? = call add_one(?)}")) {
      call.registerOutParameter(1, Types.INTEGER);
      call.setInt(2, 41);
      call.execute();
      assertEquals(42, call.getInt(1));
      assertFalse(call.wasNull());
    }
  }

  @Test
  void callableStatementOnAHintedCluster() throws SQLException {
    try (Connection direct = clusters.content(); Statement ddl = direct.createStatement()) {
      ddl.execute("DROP PROCEDURE IF EXISTS count_posts");
      ddl.execute("CREATE PROCEDURE count_posts(OUT total INT) BEGIN SELECT COUNT(*) INTO total FROM posts; END");
    }
    try (CallableStatement call = connection.prepareCall("/* xcluster:cluster=content */ CALL count_posts(?)")) {
      call.registerOutParameter(1, Types.INTEGER);
      call.execute();
      assertEquals(3, call.getInt(1));
    }
  }
}
