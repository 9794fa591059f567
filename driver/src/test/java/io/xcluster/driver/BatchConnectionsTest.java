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

  private static String url(Path config, String contentPool) throws Exception {
    String yaml = Files.readString(clusters.config)
        .replace("pool: { maximumPoolSize: 4, connectionTimeout: 2000 }\n    tables: [posts",
            "pool: " + contentPool + "\n    tables: [posts");
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
