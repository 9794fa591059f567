package io.xcluster.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of statement reaches the cluster that owns its tables, verbatim, on a real PostgreSQL
 * ({@code accounts}) and a real MariaDB/MySQL ({@code content}) at once. Every effect is checked by reading
 * the cluster's database directly.
 */
class RoutingTest {
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

  @org.junit.jupiter.api.AfterEach
  void close() throws SQLException {
    connection.close();
  }

  private Object one(String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      assertTrue(rows.next(), "a row from " + sql);
      Object value = rows.getObject(1);
      assertFalse(rows.next(), "only one row from " + sql);
      return value;
    }
  }

  private int update(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      return statement.executeUpdate(sql);
    }
  }

  @Test
  void selectGoesToTheClusterOwningTheTable() throws SQLException {
    assertEquals("Ada", one("SELECT name FROM users WHERE id = 1"));
    assertEquals(30, one("SELECT score FROM posts WHERE title = 'third'"));
  }

  @Test
  void joinOfTablesInOneClusterRunsThere() throws SQLException {
    assertEquals("pro", one("SELECT s.plan FROM users u JOIN subscriptions s ON s.user_id = u.id WHERE u.name = 'Ada'"));
  }

  @Test
  void resultsAreTheClusterDriversOwnTypes() throws SQLException {
    assertEquals(Long.class, one("SELECT id FROM users WHERE id = 1").getClass());
    assertEquals(Integer.class, one("SELECT id FROM posts WHERE title = 'first'").getClass());
  }

  @Test
  void insertUpdateDeleteReachTheirCluster() throws SQLException {
    assertEquals(1, update("INSERT INTO posts (subscription_id, title, score) VALUES (2, 'fourth', 4)"));
    assertEquals(1, update("UPDATE users SET email = 'grace@example.com' WHERE name = 'Grace'"));
    assertEquals(1, update("DELETE FROM subscriptions WHERE id = 2"));

    assertEquals(4L, TwoClusters.scalar(clusters.content(), "SELECT COUNT(*) FROM posts"));
    assertEquals("grace@example.com",
        TwoClusters.scalar(clusters.accounts(), "SELECT email FROM users WHERE name = 'Grace'"));
    assertEquals(1L, TwoClusters.scalar(clusters.accounts(), "SELECT COUNT(*) FROM subscriptions"));
  }

  @Test
  void ddlOnAMappedTableReachesItsCluster() throws SQLException {
    update("CREATE TABLE audit_events (id INT PRIMARY KEY, what VARCHAR(20))");
    update("INSERT INTO audit_events VALUES (1, 'login')");
    assertEquals("login", TwoClusters.scalar(clusters.content(), "SELECT what FROM audit_events"));
    update("DROP TABLE audit_events");
  }

  @Test
  void dialectSyntaxSurvivesBecauseSqlIsSentVerbatim() throws SQLException {
    assertEquals(7, one("SELECT '7'::int"));
    try (Statement statement = connection.createStatement();
        ResultSet conflicted = statement.executeQuery(
            "INSERT INTO subscriptions VALUES (1, 1, 'dup') ON CONFLICT (id) DO NOTHING RETURNING id")) {
      assertFalse(conflicted.next(), "the conflicting row is skipped, so nothing is returned");
    }
    update("INSERT INTO posts (subscription_id, title, score) VALUES (1, 'first', 99)"
        + " ON DUPLICATE KEY UPDATE score = VALUES(score)");
    assertEquals(99, one("SELECT `score` FROM `posts` WHERE `title` = 'first'"));
    assertEquals("Ada", one("SELECT name FROM users WHERE name ILIKE 'ada'"));
  }

  @Test
  void quotedAndSchemaQualifiedNamesAreMapped() throws SQLException {
    update("INSERT INTO \"Quoted Accounts\" VALUES (5)");
    assertEquals(5, one("SELECT id FROM \"Quoted Accounts\""));
    assertEquals("Ada", one("SELECT name FROM public.users WHERE id = 1"));
    assertEquals("first", one("SELECT title FROM " + TwoClusters.CONTENT_DB + ".posts WHERE score = 10"));
    assertEquals("Ada", one("SELECT name FROM USERS WHERE id = 1"), "PostgreSQL folds unquoted names");
  }

  @Test
  void mappingIgnoresCaseButTheDatabaseKeepsItsOwnRules() {
    // POSTS maps to 'content' (unquoted names match case-insensitively); MariaDB on Linux keeps table names
    // case-sensitive, so it answers with its own "table doesn't exist" (1146) rather than xcluster's 42P01.
    SQLException fromMariaDb = assertThrows(SQLException.class, () -> one("SELECT title FROM POSTS"));
    assertEquals(1146, fromMariaDb.getErrorCode(), fromMariaDb.getMessage());
  }

  @Test
  void globMappedTableRoutesToItsCluster() throws SQLException {
    update("INSERT INTO audit_log (event) VALUES ('login')");
    assertEquals("login", TwoClusters.scalar(clusters.content(), "SELECT event FROM audit_log"));
  }

  @Test
  void statementWithoutTablesGoesToTheDefaultCluster() throws SQLException {
    assertTrue(String.valueOf(one("SELECT version()")).startsWith("PostgreSQL"));
  }

  @Test
  void unparsableStatementGoesToTheDefaultCluster() throws SQLException {
    // JSqlParser cannot read this PostgreSQL-only statement; the default cluster (PostgreSQL) can.
    java.util.List<QueryEvent> events = new java.util.ArrayList<>();
    QueryListener listener = events::add;
    connection.unwrap(io.xcluster.driver.jdbc.XClusterConnection.class).addQueryListener(listener);
    try (Statement statement = connection.createStatement()) {
      statement.execute("LISTEN xcluster_channel");
      statement.execute("UNLISTEN xcluster_channel");
    } finally {
      connection.unwrap(io.xcluster.driver.jdbc.XClusterConnection.class).removeQueryListener(listener);
    }
    assertEquals(java.util.List.of("accounts", "accounts"), events.stream().map(QueryEvent::cluster).toList());
  }

  @Test
  void hintCommentChoosesTheCluster() throws SQLException {
    Object version = one("/* xcluster:cluster=content */ SELECT VERSION()");
    assertTrue(String.valueOf(version).toLowerCase(java.util.Locale.ROOT).contains("maria")
        || String.valueOf(version).matches("\\d+\\..*"), String.valueOf(version));
  }

  @Test
  void crossClusterSelectIsDecomposed() throws SQLException {
    assertEquals("first", one("SELECT p.title FROM posts p JOIN subscriptions s ON s.id = p.subscription_id"
        + " WHERE s.plan = 'pro' AND p.score = 10"));
  }

  @Test
  void crossClusterWindowFunctionIsRefusedNamingIt() {
    SQLFeatureNotSupportedException refused = assertThrows(SQLFeatureNotSupportedException.class,
        () -> one("SELECT p.title, ROW_NUMBER() OVER (ORDER BY s.id) FROM posts p"
            + " JOIN subscriptions s ON s.id = p.subscription_id"));
    assertEquals("0A000", refused.getSQLState());
    assertTrue(refused.getMessage().contains("ROW_NUMBER()"), refused.getMessage());
  }

  @Test
  void crossClusterWriteIsRefused() {
    SQLFeatureNotSupportedException refused = assertThrows(SQLFeatureNotSupportedException.class,
        () -> update("INSERT INTO posts (subscription_id, title) SELECT id, plan FROM subscriptions"));
    assertTrue(refused.getMessage().contains("subscriptions"), refused.getMessage());
  }

  @Test
  void errorsOfTheDatabaseReachTheApplicationUnchanged() {
    SQLException duplicate = assertThrows(SQLException.class,
        () -> update("INSERT INTO subscriptions VALUES (1, 1, 'dup')"));
    assertEquals("23505", duplicate.getSQLState(), "PostgreSQL's own unique_violation");
    SQLException mysqlDuplicate = assertThrows(SQLException.class,
        () -> update("INSERT INTO posts (subscription_id, title) VALUES (1, 'first')"));
    assertEquals(1062, mysqlDuplicate.getErrorCode(), "MySQL's own ER_DUP_ENTRY");
  }

  @Test
  void resultSetAndStatementAnswerTheXClusterObjects() throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT id FROM posts")) {
      assertTrue(rows.getStatement() == statement);
      assertTrue(statement.getConnection() == connection);
      assertTrue(rows.isWrapperFor(ResultSet.class));
    }
  }

  @Test
  void unmappedTableWithoutDefaultClusterIsAnError(@TempDir Path other) throws SQLException {
    TwoClusters strict = clusters.withConfig(other, "");
    try (Connection strictConnection = DriverManager.getConnection(strict.url());
        Statement statement = strictConnection.createStatement()) {
      SQLSyntaxErrorException unmapped =
          assertThrows(SQLSyntaxErrorException.class, () -> statement.executeQuery("SELECT * FROM invoices"));
      assertEquals("42P01", unmapped.getSQLState());
      assertTrue(unmapped.getMessage().contains("invoices"), unmapped.getMessage());
      SQLSyntaxErrorException unparsable =
          assertThrows(SQLSyntaxErrorException.class, () -> statement.execute("LISTEN somewhere"));
      assertEquals("42601", unparsable.getSQLState());
    }
  }
}
