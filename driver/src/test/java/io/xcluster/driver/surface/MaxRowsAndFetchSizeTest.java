package io.xcluster.driver.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xcluster.driver.XClusterDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code setMaxRows} caps the merged rows of a cross-cluster SELECT; {@code setFetchSize} is accepted. */
class MaxRowsAndFetchSizeTest {
  private static final String ORDERED =
      "SELECT p.title FROM posts p JOIN subscriptions s ON s.id = p.subscription_id WHERE s.plan = 'pro'"
          + " ORDER BY p.id";
  private static final String STREAMED =
      "SELECT p.title FROM posts p JOIN subscriptions s ON s.id = p.subscription_id WHERE s.plan = 'pro'";

  private static SurfaceClusters clusters;
  private static XClusterDataSource dataSource;
  private static List<String> expected;

  @BeforeAll
  static void start() {
    clusters = SurfaceClusters.shared();
    dataSource = clusters.dataSource();
    expected = clusters.titlesWhere(p -> true, s -> s.plan().equals("pro"));
  }

  @AfterAll
  static void stop() {
    dataSource.close();
  }

  @Test
  void maxRowsCapsAnOrderedResultToItsFirstRows() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.setMaxRows(3);
      assertEquals(3, statement.getMaxRows());
      try (ResultSet results = statement.executeQuery(ORDERED)) {
        assertEquals(expected.subList(0, 3), Rows.strings(results, "title"));
      }
    }
  }

  @Test
  void maxRowsCapsAStreamedResult() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.setMaxRows(7);
      try (ResultSet results = statement.executeQuery(STREAMED)) {
        List<String> titles = Rows.strings(results, "title");
        assertEquals(7, titles.size(), titles::toString);
        assertTrue(expected.containsAll(titles), titles::toString);
        assertEquals(7, titles.stream().distinct().count());
      }
    }
    assertEquals(0, dataSource.activeConnections("content"), "reaching maxRows gave content's connection back");
  }

  @Test
  void theSmallerOfMaxRowsAndLimitWins() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(ORDERED + " LIMIT ?")) {
      statement.setMaxRows(4);
      statement.setInt(1, 2);
      try (ResultSet results = statement.executeQuery()) {
        assertEquals(expected.subList(0, 2), Rows.strings(results, "title"));
      }
      statement.setInt(1, 10);
      try (ResultSet results = statement.executeQuery()) {
        assertEquals(expected.subList(0, 4), Rows.strings(results, "title"));
      }
    }
  }

  @Test
  void maxRowsZeroMeansNoCap() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.setMaxRows(5);
      statement.setMaxRows(0);
      try (ResultSet results = statement.executeQuery(ORDERED)) {
        assertEquals(expected, Rows.strings(results, "title"));
      }
    }
  }

  @Test
  void maxRowsAppliesToAPreparedScrollableResult() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(ORDERED, ResultSet.TYPE_SCROLL_INSENSITIVE,
            ResultSet.CONCUR_READ_ONLY)) {
      statement.setMaxRows(5);
      try (ResultSet results = statement.executeQuery()) {
        assertTrue(results.last());
        assertEquals(5, results.getRow());
        assertEquals(expected.get(4), results.getString("title"));
      }
    }
  }

  @Test
  void fetchSizeIsAcceptedAndTheResultIsWhole() throws SQLException {
    assertTrue(expected.size() > 100, "more rows than the fetch size: " + expected.size());
    for (String sql : List.of(ORDERED, STREAMED)) {
      try (Connection connection = dataSource.getConnection();
          Statement statement = connection.createStatement()) {
        statement.setFetchSize(10);
        assertEquals(10, statement.getFetchSize());
        try (ResultSet results = statement.executeQuery(sql)) {
          results.setFetchSize(25);
          List<String> titles = Rows.strings(results, "title");
          assertEquals(sql.equals(ORDERED) ? expected : Rows.sorted(expected),
              sql.equals(ORDERED) ? titles : Rows.sorted(titles), sql);
        }
      }
    }
  }

  @Test
  void fetchSizeIsAcceptedByAPreparedCrossClusterStatement() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(STREAMED)) {
      statement.setFetchSize(1);
      statement.setMaxRows(50);
      try (ResultSet results = statement.executeQuery()) {
        List<String> titles = Rows.strings(results, "title");
        assertEquals(50, titles.size());
        assertTrue(expected.containsAll(titles));
      }
    }
  }
}
