package io.xcluster.driver.queries;

import static io.xcluster.driver.queries.SplitClusters.colocated;
import static io.xcluster.driver.queries.SplitClusters.colocatedNumber;
import static io.xcluster.driver.queries.SplitClusters.sorted;
import static io.xcluster.driver.queries.SplitClusters.throughXcluster;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xcluster.driver.QueryEvent;
import io.xcluster.driver.queries.SplitClusters.Run;
import io.xcluster.testing.LoadedTopology;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The association shapes a Rails application issues cost one physical query per cluster hop, later hops bound
 * with the keys of earlier ones, never one query per row.
 */
class RailsAssociationQueriesTest {
  private static final String BOTH = "io.xcluster.driver.queries.SplitClusters#both";

  private static final String USER_POSTS =
      "SELECT p.* FROM posts p JOIN subscriptions s ON p.subscription_id = s.id WHERE s.user_id = ?";
  private static final String USER_POSTS_THROUGH_USERS =
      "SELECT p.* FROM posts p JOIN subscriptions s ON p.subscription_id = s.id"
          + " JOIN users u ON s.user_id = u.id WHERE u.id = ?";

  @ParameterizedTest(name = "{0}")
  @MethodSource(BOTH)
  void userPostsThroughSubscriptionsIsOneAccountsQueryThenOneBoundContentQuery(LoadedTopology topology)
      throws SQLException {
    long user = userWithMostPosts(topology);
    Run run = throughXcluster(topology.jdbcUrl(), USER_POSTS, user);

    assertAccountsThenOneBoundContentQuery(topology, run, user);
    assertEquals(sorted(colocated(topology, USER_POSTS, user)), sorted(run.rows()), run.queries().toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(BOTH)
  void userPostsJoiningUsersTooStillCostsTwoQueries(LoadedTopology topology) throws SQLException {
    long user = userWithMostPosts(topology);
    Run run = throughXcluster(topology.jdbcUrl(), USER_POSTS_THROUGH_USERS, user);

    assertAccountsThenOneBoundContentQuery(topology, run, user);
    assertEquals(sorted(colocated(topology, USER_POSTS_THROUGH_USERS, user)), sorted(run.rows()),
        run.queries().toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(BOTH)
  void dogTreatsThroughHumansRunOneQueryPerHopInHopOrder(LoadedTopology topology) throws SQLException {
    String sql = "SELECT t.* FROM dogs d JOIN humans h ON h.id = d.human_id"
        + " JOIN treats t ON t.human_id = h.id WHERE d.id = ?";
    long dog = colocatedNumber(topology, "SELECT MIN(d.id) FROM dogs d JOIN humans h ON h.id = d.human_id"
        + " JOIN treats t ON t.human_id = h.id");
    Run run = throughXcluster(topology.jdbcUrl(), sql, dog);
    String log = run.queries().toString();

    List<String> clusters = run.queries().clusters();
    assertTrue(clusters.equals(List.of("pets", "people", "kitchen")) || clusters.equals(List.of("pets", "kitchen")),
        "expected pets, (people,) kitchen in hop order; " + log);
    assertFalse(isBound(run.queries().get(0)), log);
    for (QueryEvent later : run.queries().events().subList(1, clusters.size())) {
      assertTrue(isBound(later), "every later hop binds the keys of the one before; " + log);
    }
    assertFalse(run.rows().isEmpty(), "the chosen dog has treats: the test would be vacuous otherwise");
    assertEquals(sorted(colocated(topology, sql, dog)), sorted(run.rows()), log);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(BOTH)
  void userWithPostsAndCommentsRunsUsersFirstThenOneQueryPerBranch(LoadedTopology topology) throws SQLException {
    String sql = "SELECT u.name, p.title, c.body FROM users u JOIN posts p ON p.user_id = u.id"
        + " JOIN comments c ON c.user_id = u.id WHERE u.id = ?";
    long user = colocatedNumber(topology, "SELECT MIN(u.id) FROM users u JOIN posts p ON p.user_id = u.id"
        + " JOIN comments c ON c.user_id = u.id");
    Run run = throughXcluster(topology.jdbcUrl(), sql, user);
    String log = run.queries().toString();

    assertEquals(List.of("accounts", "content", "content"), run.queries().clusters(), log);
    assertFalse(isBound(run.queries().get(0)), log);
    assertTrue(isBound(run.queries().get(1)) && isBound(run.queries().get(2)), log);
    assertFalse(run.rows().isEmpty(), "the chosen user has posts and comments");
    assertEquals(sorted(colocated(topology, sql, user)), sorted(run.rows()), log);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(BOTH)
  void humanWithDogsAndTreatsRunsHumansFirstThenOneQueryPerCluster(LoadedTopology topology) throws SQLException {
    String sql = "SELECT h.name, d.name, t.name FROM humans h JOIN dogs d ON d.human_id = h.id"
        + " JOIN treats t ON t.human_id = h.id WHERE h.id = ?";
    long human = colocatedNumber(topology, "SELECT MIN(h.id) FROM humans h JOIN dogs d ON d.human_id = h.id"
        + " JOIN treats t ON t.human_id = h.id");
    Run run = throughXcluster(topology.jdbcUrl(), sql, human);
    String log = run.queries().toString();

    assertEquals(3, run.queries().size(), log);
    assertEquals("people", run.queries().get(0).cluster(), log);
    assertEquals(List.of("kitchen", "pets"), alphabetical(run.queries().clusters().subList(1, 3)), log);
    assertFalse(isBound(run.queries().get(0)), log);
    assertTrue(isBound(run.queries().get(1)) && isBound(run.queries().get(2)), log);
    assertFalse(run.rows().isEmpty(), "the chosen human has dogs and treats");
    assertEquals(sorted(colocated(topology, sql, human)), sorted(run.rows()), log);
  }

  private static void assertAccountsThenOneBoundContentQuery(LoadedTopology topology, Run run, long user)
      throws SQLException {
    String log = run.queries().toString();
    assertEquals(List.of("accounts", "content"), run.queries().clusters(), log);
    QueryEvent accounts = run.queries().get(0);
    QueryEvent content = run.queries().get(1);
    assertFalse(isBound(accounts), log);
    assertEquals(1, accounts.parameters(), "the user id is the accounts query's only parameter; " + log);
    assertTrue(isBound(content), log);
    long subscriptions = colocatedNumber(topology,
        "SELECT COUNT(DISTINCT s.id) FROM subscriptions s WHERE s.user_id = ?", user);
    assertEquals(subscriptions, content.parameters(), "one bound key per subscription of the user; " + log);
    assertEquals(run.rows().size(), content.rows(), "every post read is a row of the result; " + log);
    assertFalse(run.rows().isEmpty(), "the chosen user has posts: the test would be vacuous otherwise");
  }

  private static long userWithMostPosts(LoadedTopology topology) throws SQLException {
    return colocatedNumber(topology, "SELECT u.id FROM posts p JOIN subscriptions s ON p.subscription_id = s.id"
        + " JOIN users u ON s.user_id = u.id GROUP BY u.id ORDER BY COUNT(*) DESC, u.id LIMIT 1");
  }

  static boolean isBound(QueryEvent event) {
    return (event.sql().contains(" IN (") || event.sql().contains(" = ANY(?)"));
  }

  private static List<String> alphabetical(List<String> clusters) {
    return clusters.stream().sorted().toList();
  }
}
