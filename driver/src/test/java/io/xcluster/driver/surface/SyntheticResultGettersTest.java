package io.xcluster.driver.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xcluster.driver.XClusterDataSource;
import io.xcluster.driver.surface.SurfaceClusters.Subscription;
import io.xcluster.driver.surface.SurfaceClusters.User;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Getters and metadata of the synthetic result of a cross-cluster SELECT: columns 1-3 come from content
 * (MariaDB), 4-6 from accounts' subscriptions and 7-8 from accounts' users (PostgreSQL).
 */
class SyntheticResultGettersTest {
  private static final String SQL =
      "SELECT p.id AS Post_Id, p.score, p.title, s.id AS sub_id, s.price, s.started_at, u.email, u.balance"
          + " FROM posts p JOIN subscriptions s ON s.id = p.subscription_id JOIN users u ON u.id = s.user_id"
          + " WHERE p.id IN (10, 12, 14) ORDER BY p.id";

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

  private Subscription subscription(long id) {
    return clusters.subscriptionById.get(id);
  }

  private User user(long id) {
    return clusters.users.get((int) id - 1);
  }

  @Test
  void typedGettersReadEveryClustersValues() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet results = statement.executeQuery(SQL)) {
      assertTrue(results.next());
      Subscription sub10 = subscription(10);
      assertEquals(10, results.getInt("post_id"));
      assertEquals(10L, results.getLong(1));
      assertEquals(10, results.getInt("score"));
      assertEquals("post-10", results.getString("title"));
      assertEquals(10L, results.getLong("sub_id"));
      assertEquals(10, results.getInt("sub_id"));
      assertEquals(0, sub10.price().compareTo(results.getBigDecimal("price")));
      assertEquals(new BigDecimal("0.00"), results.getBigDecimal("price"));
      assertEquals(Timestamp.valueOf(sub10.startedAt()), results.getTimestamp("started_at"));
      assertEquals(sub10.startedAt(), results.getObject("started_at", LocalDateTime.class));
      assertEquals(sub10.startedAt(), results.getObject(6, LocalDateTime.class));
      assertEquals(user(10).balance(), results.getBigDecimal("balance"));
      assertEquals("10.25", results.getString("balance"));

      assertTrue(results.next());
      Subscription sub12 = subscription(12);
      assertEquals("pro", sub12.plan());
      assertEquals(new BigDecimal("19.99"), results.getBigDecimal(5));
      assertEquals(19, results.getInt("price"), "getInt truncates a NUMERIC");
      assertEquals("u12@example.com", results.getString("email"));
      assertEquals(Timestamp.valueOf(sub12.startedAt()), results.getTimestamp(6));
    }
  }

  @Test
  void wasNullFollowsTheLastGetterAcrossClusters() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet results = statement.executeQuery(SQL)) {
      assertTrue(results.next()); // post 10: score 10, user 10 has no email
      assertNull(results.getString("email"));
      assertTrue(results.wasNull(), "email of user 10 (accounts) is NULL");
      assertEquals(10, results.getInt("score"));
      assertFalse(results.wasNull(), "score of post 10 (content) is not NULL");
      assertTrue(results.next()); // post 12
      assertTrue(results.next()); // post 14: score NULL, user 14 has an email
      assertEquals(0, results.getInt("score"));
      assertTrue(results.wasNull(), "score of post 14 (content) is NULL");
      assertNull(results.getObject("score"));
      assertTrue(results.wasNull());
      assertEquals(0L, results.getLong(2));
      assertTrue(results.wasNull());
      assertEquals("u14@example.com", results.getString(7));
      assertFalse(results.wasNull());
      assertNull(results.getBigDecimal("score"));
      assertTrue(results.wasNull());
      assertFalse(results.next());
    }
  }

  @Test
  void getObjectAnswersEachDriversJavaType() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet results = statement.executeQuery(SQL)) {
      assertTrue(results.next());
      assertInstanceOf(Integer.class, results.getObject("post_id"), "MariaDB INT");
      assertInstanceOf(Long.class, results.getObject("sub_id"), "PostgreSQL BIGINT");
      assertInstanceOf(BigDecimal.class, results.getObject("price"), "PostgreSQL NUMERIC");
      assertInstanceOf(Timestamp.class, results.getObject("started_at"), "PostgreSQL TIMESTAMP");
      assertInstanceOf(String.class, results.getObject("title"), "MariaDB VARCHAR");
      assertEquals(Long.valueOf(10), results.getObject("post_id", Long.class));
      assertEquals("10", results.getObject("sub_id", String.class));
    }
  }

  @Test
  void findColumnIgnoresCase() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet results = statement.executeQuery(SQL)) {
      assertEquals(1, results.findColumn("Post_Id"));
      assertEquals(1, results.findColumn("POST_ID"));
      assertEquals(1, results.findColumn("post_id"));
      assertEquals(4, results.findColumn("SUB_ID"));
      assertEquals(6, results.findColumn("Started_At"));
      assertEquals(8, results.findColumn("BALANCE"));
      assertThrows(SQLException.class, () -> results.findColumn("no_such_column"));
      assertTrue(results.next());
      assertEquals("post-10", results.getString("TITLE"));
    }
  }

  @Test
  void metaDataGivesLabelsTypesAndTablesOfTheSourceClusters() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet results = statement.executeQuery(SQL)) {
      ResultSetMetaData meta = results.getMetaData();
      assertEquals(8, meta.getColumnCount());
      List<String> labels = List.of("Post_Id", "score", "title", "sub_id", "price", "started_at", "email", "balance");
      for (int column = 1; column <= labels.size(); column++) {
        assertEquals(labels.get(column - 1), meta.getColumnLabel(column), "label of column " + column);
      }
      assertEquals("id", meta.getColumnName(1));
      assertEquals("id", meta.getColumnName(4));
      int[] types = {Types.INTEGER, Types.INTEGER, Types.VARCHAR, Types.BIGINT, Types.NUMERIC, Types.TIMESTAMP,
          Types.VARCHAR, Types.NUMERIC};
      for (int column = 1; column <= types.length; column++) {
        assertEquals(types[column - 1], meta.getColumnType(column), "JDBC type of column " + column);
      }
      List<String> tables = List.of("posts", "posts", "posts", "subscriptions", "subscriptions", "subscriptions",
          "users", "users");
      for (int column = 1; column <= tables.size(); column++) {
        assertEquals(tables.get(column - 1), meta.getTableName(column), "table of column " + column);
      }
      assertEquals(12, meta.getPrecision(8), "users.balance NUMERIC(12,2)");
      assertEquals(2, meta.getScale(8));
    }
  }

  @Test
  void metaDataOfEachColumnIsWhatItsClusterSaysAboutIt() throws SQLException {
    ResultSetMetaData merged;
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet results = statement.executeQuery(SQL)) {
      merged = results.getMetaData();
      assertSameColumns(merged, 1, clusters.content(),
          "SELECT p.id AS Post_Id, p.score, p.title FROM posts p WHERE 1 = 0");
      assertSameColumns(merged, 4, clusters.accounts(),
          "SELECT s.id AS sub_id, s.price, s.started_at FROM subscriptions s WHERE 1 = 0");
      assertSameColumns(merged, 7, clusters.accounts(), "SELECT u.email, u.balance FROM users u WHERE 1 = 0");
    }
  }

  /** The merged columns from {@code first} on describe as the cluster describes {@code sql}'s columns. */
  private static void assertSameColumns(ResultSetMetaData merged, int first, Connection direct, String sql)
      throws SQLException {
    try (direct;
        Statement statement = direct.createStatement();
        ResultSet results = statement.executeQuery(sql)) {
      ResultSetMetaData source = results.getMetaData();
      for (int column = 1; column <= source.getColumnCount(); column++) {
        int at = first + column - 1;
        String what = "column " + at + " (" + source.getColumnLabel(column) + ")";
        assertEquals(source.getColumnLabel(column), merged.getColumnLabel(at), what);
        assertEquals(source.getColumnType(column), merged.getColumnType(at), what);
        assertEquals(source.getColumnTypeName(column), merged.getColumnTypeName(at), what);
        assertEquals(source.getColumnClassName(column), merged.getColumnClassName(at), what);
        assertEquals(source.getPrecision(column), merged.getPrecision(at), what);
        assertEquals(source.getScale(column), merged.getScale(at), what);
        assertEquals(source.isNullable(column), merged.isNullable(at), what);
        assertEquals(source.getTableName(column), merged.getTableName(at), what);
      }
    }
  }

  @Test
  void getStatementAnswersTheXclusterStatement() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet results = statement.executeQuery(SQL)) {
      assertSame(statement, results.getStatement());
      assertSame(connection, results.getStatement().getConnection());
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement prepared = connection.prepareStatement(SQL);
        ResultSet results = prepared.executeQuery()) {
      assertSame(prepared, results.getStatement());
      assertSame(connection, results.getStatement().getConnection());
    }
  }
}
