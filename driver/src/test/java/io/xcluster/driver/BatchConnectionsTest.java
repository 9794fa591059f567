package io.xcluster.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xcluster.testing.Sql;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Key batches of one fetch: beyond the first, a batch takes another pooled connection only when one is free
 * at once and no transaction is open; otherwise it waits its turn on the statement's own connection. Either
 * way the answer is the same, and nothing waits for a connection while holding one.
 */
class BatchConnectionsTest {
  private static final String JOIN = "SELECT u.name, c.body FROM users u JOIN comments c ON c.post_id = u.id"
      + " ORDER BY u.id, c.id";
  @TempDir static Path directory;
  static TwoClusters clusters;

  @BeforeAll
  static void createClusters() throws SQLException {
    clusters = new TwoClusters(directory);
    try (Connection content = clusters.content(); Connection accounts = clusters.accounts()) {
      List<String> inserts = new ArrayList<>();
      List<String> users = new ArrayList<>();
      for (int i = 1; i <= 30; i++) {
        inserts.add("INSERT INTO comments VALUES (" + i + ", " + (i % 12 + 1) + ", 'comment " + i + "')");
        users.add("INSERT INTO users (name) VALUES ('user " + i + "')");
      }
      Sql.run(content, inserts.toArray(String[]::new));
      Sql.run(accounts, users.toArray(String[]::new));
    }
  }

  @AfterAll
  static void shutdown() {
    XClusterDriver.shutdown();
  }

  /** Both clusters with {@code pools}, and batches of two keys. */
  private static String url(Path config, String pools) throws Exception {
    String yaml = Files.readString(clusters.config)
        .replace("pool: { maximumPoolSize: 4, connectionTimeout: 2000 }\n    tables: [", "pool: " + pools + "\n    tables: [");
    Files.writeString(config, yaml + "bindBatchSize: 2\n");
    return "jdbc:xcluster:" + config;
  }

  private static List<List<Object>> expected() throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Connection accounts = clusters.accounts(); Connection content = clusters.content()) {
      List<List<Object>> users = Sql.queryRows(accounts, "SELECT id, name FROM users ORDER BY id");
      List<List<Object>> comments = Sql.queryRows(content, "SELECT post_id, body, id FROM comments ORDER BY id");
      for (List<Object> user : users) {
        for (List<Object> comment : comments) {
          if (((Number) comment.get(0)).longValue() == ((Number) user.get(0)).longValue()) {
            rows.add(List.of(user.get(1), comment.get(1)));
          }
        }
      }
    }
    return rows;
  }

  @Test
  void batchesWaitTheirTurnWhenThePoolHasOneConnection(@TempDir Path dir) throws Exception {
    try (XClusterDataSource dataSource = new XClusterDataSource(url(dir.resolve("x.yaml"),
            "{ maximumPoolSize: 1, connectionTimeout: 1000 }"));
        Connection connection = dataSource.getConnection()) {
      assertEquals(expected(), Sql.queryRows(connection, JOIN));
      assertEquals(0, dataSource.activeConnections("content"));
    }
  }

  @Test
  void batchesMayRunBesideEachOtherOnFreeConnections(@TempDir Path dir) throws Exception {
    List<QueryEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (XClusterDataSource dataSource = new XClusterDataSource(url(dir.resolve("x.yaml"),
            "{ maximumPoolSize: 4, minimumIdle: 4 }"))) {
      dataSource.addQueryListener(events::add);
      for (int i = 0; i < 3; i++) {
        try (Connection connection = dataSource.getConnection()) {
          assertEquals(expected(), Sql.queryRows(connection, JOIN));
        }
      }
      assertEquals(0, dataSource.activeConnections("content"));
      assertEquals(0, dataSource.activeConnections("accounts"));
    }
    long contentQueries = events.stream().filter(e -> e.cluster().equals("content")).count();
    assertEquals(3 * 16, contentQueries, "32 users' keys in batches of 2, three times");
  }

  /** Without ORDER BY the join streams; the batch after the one being read is opened ahead on a free connection. */
  @Test
  void aStreamedJoinReadsTheNextBatchAheadOnAFreeConnection(@TempDir Path dir) throws Exception {
    String streamed = JOIN.substring(0, JOIN.indexOf(" ORDER BY"));
    try (XClusterDataSource dataSource = new XClusterDataSource(url(dir.resolve("x.yaml"),
            "{ maximumPoolSize: 4, minimumIdle: 4 }"));
        Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      List<List<Object>> rows = new ArrayList<>();
      int during = 0;
      for (int attempt = 0; attempt < 50 && during < 2; attempt++) { // until the pool has filled its idle ones
        Thread.sleep(attempt == 0 ? 0 : 100);
        rows.clear();
        try (java.sql.ResultSet results = statement.executeQuery(streamed)) {
          during = dataSource.activeConnections("content");
          while (results.next()) {
            rows.add(List.of(results.getString(1), results.getString(2)));
          }
        }
      }
      assertEquals(2, during, "the first batch's connection and the next one's");
      assertEquals(0, dataSource.activeConnections("content"));
      assertEquals(sorted(expected()), sorted(rows));
      try (java.sql.ResultSet half = statement.executeQuery(streamed)) {
        assertTrue(half.next());
      }
      assertEquals(0, dataSource.activeConnections("content"), "closed half-read: the batch read ahead too");
      try (java.sql.ResultSet limited = statement.executeQuery(streamed + " LIMIT 3")) {
        assertEquals(1, dataSource.activeConnections("content"), "under a LIMIT no batch is read ahead");
        assertTrue(limited.next());
      }
    }
  }

  /** A batch read ahead holds its connection while the application reads: never the pool's last idle one. */
  @Test
  void aStreamedJoinLeavesThePoolsLastIdleConnectionToOthers(@TempDir Path dir) throws Exception {
    String streamed = JOIN.substring(0, JOIN.indexOf(" ORDER BY"));
    try (XClusterDataSource dataSource = new XClusterDataSource(url(dir.resolve("x.yaml"),
            "{ maximumPoolSize: 2, minimumIdle: 2 }"));
        Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      int most = 0;
      for (int attempt = 0; attempt < 8; attempt++) {
        Thread.sleep(100); // the pool fills its idle connections meanwhile
        try (java.sql.ResultSet results = statement.executeQuery(streamed)) {
          most = Math.max(most, dataSource.activeConnections("content"));
          while (results.next()) {
            assertTrue(results.getString(2).startsWith("comment"));
          }
        }
      }
      assertEquals(1, most, "the statement's own connection only");
    }
  }

  /** With one connection, or inside a transaction, the batches run one after another on it. */
  @Test
  void aStreamedJoinReadsItsBatchesInTurnWithoutAFreeConnection(@TempDir Path dir) throws Exception {
    String streamed = JOIN.substring(0, JOIN.indexOf(" ORDER BY"));
    try (XClusterDataSource dataSource = new XClusterDataSource(url(dir.resolve("x.yaml"),
            "{ maximumPoolSize: 1, connectionTimeout: 1000 }"));
        Connection connection = dataSource.getConnection()) {
      assertEquals(sorted(expected()), sorted(Sql.queryRows(connection, streamed)));
      connection.setAutoCommit(false);
      try (Statement insert = connection.createStatement()) {
        insert.executeUpdate("INSERT INTO comments VALUES (998, 3, 'uncommitted too')");
      }
      assertTrue(Sql.queryRows(connection, streamed).stream().anyMatch(row -> row.get(1).equals("uncommitted too")));
      connection.rollback();
      assertEquals(0, dataSource.activeConnections("content"));
    }
  }

  private static List<String> sorted(List<List<Object>> rows) {
    return rows.stream().map(Object::toString).sorted().toList();
  }

  @Test
  void insideATransactionEveryBatchSeesItsUncommittedRows(@TempDir Path dir) throws Exception {
    try (XClusterDataSource dataSource = new XClusterDataSource(url(dir.resolve("x.yaml"),
            "{ maximumPoolSize: 4, minimumIdle: 4 }"));
        Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (Statement insert = connection.createStatement()) {
        insert.executeUpdate("INSERT INTO comments VALUES (999, 12, 'uncommitted')");
      }
      List<List<Object>> rows = Sql.queryRows(connection, JOIN);
      assertTrue(rows.contains(List.of("user 10", "uncommitted")), "the batch of key 12 sees it: " + rows);
      connection.rollback();
    }
  }
}
