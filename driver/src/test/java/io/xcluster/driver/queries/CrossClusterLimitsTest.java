package io.xcluster.driver.queries;

import static io.xcluster.driver.queries.SplitClusters.colocated;
import static io.xcluster.driver.queries.SplitClusters.colocatedNumber;
import static io.xcluster.driver.queries.SplitClusters.sorted;
import static io.xcluster.driver.queries.SplitClusters.throughXcluster;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xcluster.driver.queries.SplitClusters.Run;
import io.xcluster.testing.LoadedTopology;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The URL's {@code maxRowsInMemory} and {@code maxCrossJoinRows} stop a statement with 54000, naming the option. */
class CrossClusterLimitsTest {
  private static final String BOTH = "io.xcluster.driver.queries.SplitClusters#both";
  private static final String PROGRAM_LIMIT_EXCEEDED = "54000";

  @ParameterizedTest(name = "{0}")
  @MethodSource(BOTH)
  void joinHoldingMoreRowsThanMaxRowsInMemoryFailsWith54000(LoadedTopology topology) throws SQLException {
    String sql = "SELECT u.name, p.title FROM users u JOIN posts p ON p.user_id = u.id WHERE u.id <= 10";
    assertTrue(colocated(topology, sql).size() > 5, "the join returns more than 5 rows");

    SQLException refused = assertThrows(SQLException.class,
        () -> throughXcluster(topology.jdbcUrl() + "?maxRowsInMemory=5", sql));
    assertEquals(PROGRAM_LIMIT_EXCEEDED, refused.getSQLState(), refused.toString());
    assertTrue(refused.getMessage().contains("maxRowsInMemory"), refused.getMessage());
  }

  /** ORDER BY makes the join be held whole before sorting, though each side's first rows are few. */
  @ParameterizedTest(name = "{0}")
  @MethodSource(BOTH)
  void sortedJoinOfFewUsersWithMorePostsThanMaxRowsInMemoryFailsWith54000(LoadedTopology topology)
      throws SQLException {
    String sql = "SELECT u.name, p.title FROM users u JOIN posts p ON p.user_id = u.id WHERE u.id <= 5"
        + " ORDER BY p.title";
    assertTrue(colocated(topology, sql).size() > 5, "the join returns more than 5 rows");

    SQLException refused = assertThrows(SQLException.class,
        () -> throughXcluster(topology.jdbcUrl() + "?maxRowsInMemory=5", sql));
    assertEquals(PROGRAM_LIMIT_EXCEEDED, refused.getSQLState(), refused.toString());
    assertTrue(refused.getMessage().contains("maxRowsInMemory"), refused.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(BOTH)
  void joinHoldingFewRowsRunsUnderASmallMaxRowsInMemory(LoadedTopology topology) throws SQLException {
    String sql = "SELECT u.name, p.title FROM users u JOIN posts p ON p.user_id = u.id WHERE u.id = ?";
    long user = colocatedNumber(topology, "SELECT MIN(user_id) FROM posts WHERE user_id IN"
        + " (SELECT user_id FROM posts GROUP BY user_id HAVING COUNT(*) BETWEEN 1 AND 5) AND user_id <= 20");

    Run run = throughXcluster(topology.jdbcUrl() + "?maxRowsInMemory=5", sql, user);
    assertFalse(run.rows().isEmpty(), run.queries().toString());
    assertEquals(sorted(colocated(topology, sql, user)), sorted(run.rows()), run.queries().toString());
  }

  /**
   * The last step streams (no ORDER BY, DISTINCT or grouping): its rows go to the application without being
   * held, so the result may be larger than maxRowsInMemory as long as the earlier steps are not.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource(BOTH)
  void aStreamedResultLargerThanMaxRowsInMemoryIsServed(LoadedTopology topology) throws SQLException {
    String sql = "SELECT s.plan, p.title FROM subscriptions s JOIN posts p ON p.subscription_id = s.id"
        + " WHERE s.id IN (3, 5, 12, 14, 20, 24)";
    List<List<Object>> expected = colocated(topology, sql);
    assertTrue(expected.size() > 10, "more rows than the cap of 6 held: " + expected.size());

    Run run = throughXcluster(topology.jdbcUrl() + "?maxRowsInMemory=6", sql);
    assertEquals(sorted(expected), sorted(run.rows()), run.queries().toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(BOTH)
  void crossJoinOverMaxCrossJoinRowsFailsWith54000(LoadedTopology topology) throws SQLException {
    String sql = "SELECT u.name, p.title FROM users u CROSS JOIN posts p WHERE u.id <= 3 AND p.id <= 4";

    SQLException refused = assertThrows(SQLException.class,
        () -> throughXcluster(topology.jdbcUrl() + "?maxCrossJoinRows=10", sql));
    assertEquals(PROGRAM_LIMIT_EXCEEDED, refused.getSQLState(), refused.toString());
    assertTrue(refused.getMessage().contains("maxCrossJoinRows"), refused.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(BOTH)
  void crossJoinUnderMaxCrossJoinRowsEqualsTheColocatedResult(LoadedTopology topology) throws SQLException {
    String sql = "SELECT u.name, p.title FROM users u CROSS JOIN posts p WHERE u.id <= 2 AND p.id <= 5";
    Run run = throughXcluster(topology.jdbcUrl() + "?maxCrossJoinRows=10", sql);

    assertEquals(10, run.rows().size(), run.queries().toString());
    assertEquals(2, run.queries().size(), "one unbound query per cluster; " + run.queries());
    assertEquals(sorted(colocated(topology, sql)), sorted(run.rows()), run.queries().toString());
  }
}
