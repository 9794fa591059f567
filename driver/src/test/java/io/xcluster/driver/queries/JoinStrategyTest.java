package io.xcluster.driver.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xcluster.driver.QueryEvent;
import io.xcluster.testing.LoadedTopology;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The join strategy per fetch: bind join (the keys read so far bound as IN lists) by default; hash join (the
 * fetch runs once with only its own filters, the join happens in memory) when there are more keys than
 * {@code hashJoinThreshold} and the fetch has filters of its own. Both answer the same.
 */
class JoinStrategyTest {
  /** users (accounts) read first; posts (content) then joined, filtered on both sides. */
  private static final String SQL = "SELECT u.name, p.title FROM users u JOIN posts p ON p.user_id = u.id"
      + " WHERE u.score > 2 AND p.score > 10";
  /** The same join without a filter of posts' own. */
  private static final String UNFILTERED = "SELECT u.name, p.title FROM users u JOIN posts p ON p.user_id = u.id"
      + " WHERE u.score > 2";

  static java.util.stream.Stream<Named<LoadedTopology>> topologies() throws SQLException {
    return SplitClusters.both();
  }

  private static List<QueryEvent> contentQueries(SplitClusters.Run run) {
    return run.queries().events().stream().filter(e -> e.cluster().equals("content")).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topologies")
  void manyKeysAndAFilteredSideSwitchToAHashJoinWithTheSameAnswer(LoadedTopology topology) throws SQLException {
    SplitClusters.Run bound = SplitClusters.throughXcluster(topology.jdbcUrl(), SQL);
    SplitClusters.Run hashed = SplitClusters.throughXcluster(topology.jdbcUrl() + "?hashJoinThreshold=2", SQL);
    List<List<Object>> expected = SplitClusters.sorted(SplitClusters.colocated(topology, SQL));
    assertFalse(expected.isEmpty(), "the case joins some rows");
    assertEquals(expected, SplitClusters.sorted(bound.rows()));
    assertEquals(expected, SplitClusters.sorted(hashed.rows()));
    assertTrue(contentQueries(bound).stream().allMatch(e -> e.sql().contains(" IN (") || e.sql().contains(" = ANY(?)")), bound.queries().toString());
    assertEquals(1, contentQueries(hashed).size(), hashed.queries().toString());
    String hashedSql = contentQueries(hashed).get(0).sql();
    assertFalse(hashedSql.contains(" IN (") || hashedSql.contains(" = ANY(?)"), hashed.queries().toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topologies")
  void aSideWithoutFiltersOfItsOwnKeepsBindingKeys(LoadedTopology topology) throws SQLException {
    SplitClusters.Run run = SplitClusters.throughXcluster(topology.jdbcUrl() + "?hashJoinThreshold=2", UNFILTERED);
    assertEquals(SplitClusters.sorted(SplitClusters.colocated(topology, UNFILTERED)), SplitClusters.sorted(run.rows()));
    assertTrue(contentQueries(run).stream().allMatch(e -> e.sql().contains(" IN (") || e.sql().contains(" = ANY(?)")), run.queries().toString());
  }
}
