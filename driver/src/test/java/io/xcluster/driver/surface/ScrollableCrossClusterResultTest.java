package io.xcluster.driver.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xcluster.driver.XClusterDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Scrolling over the merged rows of a cross-cluster SELECT, and its refusal on forward-only statements. */
class ScrollableCrossClusterResultTest {
  private static final String ORDERED =
      "SELECT p.title, s.plan FROM posts p JOIN subscriptions s ON s.id = p.subscription_id"
          + " WHERE s.plan = 'pro' AND p.id <= 60 ORDER BY p.id";
  private static final String STREAMED =
      "SELECT p.title, s.plan FROM posts p JOIN subscriptions s ON s.id = p.subscription_id"
          + " WHERE s.plan = 'pro' AND p.id <= 60";

  private static SurfaceClusters clusters;
  private static XClusterDataSource dataSource;
  private static List<String> expected;

  @BeforeAll
  static void start() {
    clusters = SurfaceClusters.shared();
    dataSource = clusters.dataSource();
    expected = clusters.titlesWhere(p -> p.id() <= 60, s -> s.plan().equals("pro"));
  }

  @AfterAll
  static void stop() {
    dataSource.close();
  }

  @Test
  void absolutePreviousLastAndFirstMoveOverTheMergedRows() throws SQLException {
    int n = expected.size();
    assertTrue(n >= 5, "the fixture gives enough rows to scroll: " + expected);
    try (Connection connection = dataSource.getConnection();
        Statement statement =
            connection.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY);
        ResultSet results = statement.executeQuery(ORDERED)) {
      assertEquals(ResultSet.TYPE_SCROLL_INSENSITIVE, results.getType());
      assertTrue(results.absolute(3));
      assertEquals(expected.get(2), results.getString("title"));
      assertEquals(3, results.getRow());
      assertTrue(results.previous());
      assertEquals(expected.get(1), results.getString(1));
      assertTrue(results.last());
      assertEquals(expected.get(n - 1), results.getString("title"));
      assertEquals(n, results.getRow());
      assertTrue(results.isLast());
      assertTrue(results.first());
      assertEquals(expected.get(0), results.getString("title"));
      assertTrue(results.isFirst());
      assertTrue(results.absolute(-2));
      assertEquals(expected.get(n - 2), results.getString("title"));
      assertTrue(results.relative(-1));
      assertEquals(expected.get(n - 3), results.getString("title"));
      assertFalse(results.absolute(n + 1));
      assertTrue(results.isAfterLast());
      assertTrue(results.previous());
      assertEquals(expected.get(n - 1), results.getString("title"));
      results.beforeFirst();
      assertTrue(results.next());
      assertEquals(expected.get(0), results.getString("title"));
      assertEquals("pro", results.getString("plan"));
    }
  }

  @Test
  void scrollingBackwardsReadsEveryRowInReverse() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(ORDERED, ResultSet.TYPE_SCROLL_INSENSITIVE,
            ResultSet.CONCUR_READ_ONLY);
        ResultSet results = statement.executeQuery()) {
      results.afterLast();
      List<String> backwards = new ArrayList<>();
      while (results.previous()) {
        backwards.add(results.getString("title"));
      }
      List<String> reversed = new ArrayList<>(expected);
      java.util.Collections.reverse(reversed);
      assertEquals(reversed, backwards);
    }
  }

  @Test
  void aStreamedPlanScrollsToo() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement =
            connection.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY);
        ResultSet results = statement.executeQuery(STREAMED)) {
      assertTrue(results.last());
      int n = results.getRow();
      assertEquals(expected.size(), n);
      String last = results.getString("title");
      assertTrue(results.first());
      String first = results.getString("title");
      List<String> forwards = new ArrayList<>(List.of(first));
      while (results.next()) {
        forwards.add(results.getString("title"));
      }
      assertEquals(Rows.sorted(expected), Rows.sorted(forwards));
      assertEquals(last, forwards.get(n - 1));
      assertTrue(results.absolute(2));
      assertEquals(forwards.get(1), results.getString("title"));
    }
    assertEquals(0, dataSource.activeConnections("accounts"));
    assertEquals(0, dataSource.activeConnections("content"));
  }

  @Test
  void forwardOnlyRefusesEveryScrollingMove() throws SQLException {
    for (String sql : List.of(ORDERED, STREAMED)) {
      try (Connection connection = dataSource.getConnection();
          Statement statement = connection.createStatement();
          ResultSet results = statement.executeQuery(sql)) {
        assertEquals(ResultSet.TYPE_FORWARD_ONLY, results.getType());
        List<String> seen = new ArrayList<>();
        assertTrue(results.next());
        seen.add(results.getString("title"));
        assertTrue(results.next());
        seen.add(results.getString("title"));
        assertRefused(() -> results.absolute(1), sql);
        assertRefused(results::previous, sql);
        assertRefused(results::last, sql);
        assertRefused(results::first, sql);
        assertRefused(() -> results.relative(-1), sql);
        assertRefused(results::beforeFirst, sql);
        assertRefused(results::afterLast, sql);
        assertEquals(seen.get(1), results.getString("title"), "a refused move leaves the cursor where it was");
        assertTrue(results.next());
        seen.add(results.getString("title"));
        assertEquals(3, seen.stream().distinct().count(), seen::toString);
        assertTrue(expected.containsAll(seen), seen::toString);
        if (sql.equals(ORDERED)) {
          assertEquals(expected.subList(0, 3), seen);
        }
      }
    }
  }

  private static void assertRefused(Executable move, String sql) {
    assertThrows(SQLException.class, move, sql);
  }
}
