package io.xcluster.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pools shared per configuration, returned connections, the DataSource, and an application's own pool. */
class PoolsAndDataSourceTest {
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

  private static String firstName(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT name FROM users ORDER BY id")) {
      rows.next();
      return rows.getString(1);
    }
  }

  @Test
  void connectionsOfOneUrlShareOnePoolPerCluster(@TempDir Path other) throws SQLException {
    TwoClusters tiny = clusters.withAccountsPool(other, "{ maximumPoolSize: 1, connectionTimeout: 250 }");
    try (Connection first = DriverManager.getConnection(tiny.url());
        Connection second = DriverManager.getConnection(tiny.url());
        Statement holding = first.createStatement()) {
      holding.executeQuery("SELECT 1 FROM users");
      // the only pooled connection of 'accounts' is held by 'first', so 'second' cannot get one
      SQLTransientConnectionException exhausted =
          assertThrows(SQLTransientConnectionException.class, () -> firstName(second));
      assertTrue(exhausted.getMessage().contains("cluster 'accounts'"), exhausted.getMessage());
      assertTrue(exhausted.getSQLState().startsWith("08"), exhausted.getSQLState());
      holding.close();
      assertEquals("Ada", firstName(second), "closing the statement gave the connection back");
    }
  }

  @Test
  void physicalConnectionsGoBackToTheirPools() throws SQLException {
    try (XClusterDataSource dataSource = new XClusterDataSource(clusters.url())) {
      for (int i = 0; i < 20; i++) {
        try (Connection connection = dataSource.getConnection()) {
          assertEquals("Ada", firstName(connection));
          connection.setAutoCommit(false);
          firstName(connection);
          try (Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT COUNT(*) FROM posts").close();
          }
        }
      }
      assertEquals(0, dataSource.activeConnections("accounts"));
      assertEquals(0, dataSource.activeConnections("content"));
    }
  }

  @Test
  void dataSourceServesConnectionsUntilClosed() throws SQLException {
    XClusterDataSource dataSource = new XClusterDataSource();
    dataSource.setUrl(clusters.url());
    try (Connection connection = dataSource.getConnection()) {
      assertEquals("Ada", firstName(connection));
    }
    dataSource.close();
    assertTrue(dataSource.isClosed());
    assertThrows(SQLException.class, dataSource::getConnection);
  }

  @Test
  void dataSourceWithoutUrlSaysHowToFixIt() {
    SQLException missing = assertThrows(SQLException.class, () -> new XClusterDataSource().getConnection());
    assertTrue(missing.getMessage().contains("setUrl"), missing.getMessage());
  }

  @Test
  void applicationsOwnHikariPoolCanWrapTheDriver() throws SQLException {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(clusters.url());
    config.setDriverClassName(XClusterDriver.class.getName());
    config.setMaximumPoolSize(2);
    config.setPoolName("application-pool");
    try (HikariDataSource pool = new HikariDataSource(config)) {
      for (int i = 0; i < 5; i++) {
        try (Connection connection = pool.getConnection()) {
          assertEquals("Ada", firstName(connection));
          try (Statement statement = connection.createStatement();
              ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM posts")) {
            rows.next();
            assertEquals(3, rows.getInt(1));
          }
        }
      }
    }
  }

  @Test
  void metaDataDescribesThePrimaryClusterButAnswersXCluster() throws SQLException {
    try (Connection connection = DriverManager.getConnection(clusters.url())) {
      DatabaseMetaData meta = connection.getMetaData();
      assertSame(connection, meta.getConnection());
      assertEquals(clusters.url(), meta.getURL());
      assertEquals("xcluster", meta.getDriverName());
      assertEquals("PostgreSQL", meta.getDatabaseProductName());
      try (ResultSet tables = meta.getTables(null, null, "users", new String[] {"TABLE"})) {
        assertTrue(tables.next());
        assertEquals("users", tables.getString("TABLE_NAME"));
      }
    }
  }

  @Test
  void isValidAndCloseBehaveLikeAnyConnection() throws SQLException {
    Connection connection = DriverManager.getConnection(clusters.url());
    assertTrue(connection.isValid(1));
    Statement statement = connection.createStatement();
    connection.close();
    assertFalse(connection.isValid(1));
    assertTrue(statement.isClosed(), "closing the connection closes its statements");
    assertEquals("08003", assertThrows(SQLException.class, connection::createStatement).getSQLState());
  }
}
