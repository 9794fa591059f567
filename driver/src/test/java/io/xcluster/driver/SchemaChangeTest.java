package io.xcluster.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DDL run through xcluster forgets cached plans and column lists, alone or inside a batch: the next
 * cross-cluster {@code SELECT p.*} shows the new column.
 */
class SchemaChangeTest {
  private static final String CROSS = "SELECT p.* FROM posts p JOIN subscriptions s ON s.id = p.subscription_id"
      + " ORDER BY p.id";

  @TempDir static Path directory;
  static TwoClusters clusters;

  @BeforeAll
  static void createClusters() {
    clusters = new TwoClusters(directory);
  }

  /** Restored behind xcluster's back, which it cannot see (see README): each test starts a fresh runtime. */
  @AfterEach
  void restoreTables() {
    clusters.reset();
    XClusterDriver.shutdown();
  }

  @Test
  void alterTableIsSeenByTheNextCrossClusterSelect() throws SQLException {
    try (Connection connection = DriverManager.getConnection(clusters.url());
        Statement statement = connection.createStatement()) {
      assertEquals(List.of("id", "subscription_id", "title", "score"), labels(statement));
      statement.executeUpdate("ALTER TABLE posts ADD COLUMN extra INT");
      assertEquals(List.of("id", "subscription_id", "title", "score", "extra"), labels(statement));
    }
  }

  @Test
  void alterTableInABatchIsSeenToo() throws SQLException {
    try (Connection connection = DriverManager.getConnection(clusters.url());
        Statement statement = connection.createStatement()) {
      assertEquals(List.of("id", "subscription_id", "title", "score"), labels(statement));
      statement.addBatch("UPDATE posts SET score = score WHERE 1 = 0");
      statement.addBatch("ALTER TABLE posts ADD COLUMN extra INT");
      statement.executeBatch();
      assertEquals(List.of("id", "subscription_id", "title", "score", "extra"), labels(statement));
    }
  }

  @Test
  void aColumnTypeChangedThroughXclusterIsSeenInTheNextResultsMetaData() throws SQLException {
    try (Connection connection = DriverManager.getConnection(clusters.url());
        Statement statement = connection.createStatement()) {
      assertEquals("INT", scoreType(statement));
      assertEquals("INT", scoreType(statement)); // the second run reuses the columns the first one described
      statement.executeUpdate("ALTER TABLE posts MODIFY score DECIMAL(10, 2)");
      assertEquals("DECIMAL", scoreType(statement));
    }
  }

  private static String scoreType(Statement statement) throws SQLException {
    try (ResultSet rows = statement.executeQuery(CROSS)) {
      return rows.getMetaData().getColumnTypeName(4);
    }
  }

  private static List<String> labels(Statement statement) throws SQLException {
    try (ResultSet rows = statement.executeQuery(CROSS)) {
      ResultSetMetaData meta = rows.getMetaData();
      List<String> labels = new ArrayList<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        labels.add(meta.getColumnLabel(i));
      }
      return labels;
    }
  }
}
