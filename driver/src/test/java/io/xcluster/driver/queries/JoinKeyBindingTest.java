package io.xcluster.driver.queries;

import static io.xcluster.driver.queries.RailsAssociationQueriesTest.isBound;
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
 * How join keys become bound parameters: each distinct non-null key once, in batches of {@code bindBatchSize}
 * (one query per batch, never one per key), and no query at all with an empty IN list.
 */
class JoinKeyBindingTest {
  private static final String BOTH = "io.xcluster.driver.queries.SplitClusters#both";

  /** Dogs filtered on their own cluster, so pets runs first and humans are bound by dogs.human_id. */
  private static final String DOGS_WITH_OWNERS =
      "SELECT d.name, h.name FROM dogs d JOIN humans h ON h.id = d.human_id WHERE d.name <> 'zz'";

  /** Users filtered on their own cluster, so accounts runs first and posts are bound by users.id. */
  private static final String FIRST_USERS_POSTS =
      "SELECT u.name, p.title FROM users u JOIN posts p ON p.user_id = u.id WHERE u.id <= ?";

  @ParameterizedTest(name = "{0}")
  @MethodSource(BOTH)
  void bindsEachDistinctNonNullKeyOnce(LoadedTopology topology) throws SQLException {
    long dogs = colocatedNumber(topology, "SELECT COUNT(*) FROM dogs WHERE name <> 'zz'");
    long withOwner = colocatedNumber(topology, "SELECT COUNT(human_id) FROM dogs WHERE name <> 'zz'");
    long distinctOwners = colocatedNumber(topology, "SELECT COUNT(DISTINCT human_id) FROM dogs WHERE name <> 'zz'");
    assertTrue(dogs > withOwner, "the fixture must give some dogs a NULL human_id");
    assertTrue(withOwner > distinctOwners, "the fixture must give some humans several dogs");

    Run run = throughXcluster(topology.jdbcUrl(), DOGS_WITH_OWNERS);
    String log = run.queries().toString();

    assertEquals(List.of("pets", "people"), run.queries().clusters(), log);
    QueryEvent humans = run.queries().get(1);
    assertTrue(isBound(humans), log);
    assertEquals(distinctOwners, humans.parameters(), "one parameter per distinct non-null human_id; " + log);
    boolean array = humans.sql().contains(" = ANY(?)");
    assertEquals(array ? 1 : distinctOwners, countMarks(humans.sql()),
        "one '?' per bound key, or one array on PostgreSQL; " + log);
    assertEquals(sorted(colocated(topology, DOGS_WITH_OWNERS)), sorted(run.rows()), log);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(BOTH)
  void smallBindBatchSizeSplitsKeysIntoCeilingOfKeysOverBatchQueries(LoadedTopology topology) throws SQLException {
    long lastUser = 10;
    long keys = colocatedNumber(topology, "SELECT COUNT(DISTINCT id) FROM users WHERE id <= ?", lastUser);
    assertEquals(10, keys, "users 1..10 exist");

    Run run = throughXcluster(topology.jdbcUrl() + "?bindBatchSize=3", FIRST_USERS_POSTS, lastUser);
    String log = run.queries().toString();

    assertEquals("accounts", run.queries().get(0).cluster(), log);
    List<QueryEvent> content = run.queries().on("content");
    assertEquals((keys + 2) / 3, content.size(), "ceil(" + keys + " / 3) bound queries; " + log);
    assertEquals(1 + content.size(), run.queries().size(), log);
    long bound = 0;
    for (QueryEvent batch : content) {
      assertTrue(isBound(batch), log);
      assertTrue(batch.parameters() >= 1 && batch.parameters() <= 3, "at most 3 keys per query; " + log);
      bound += batch.parameters();
    }
    assertEquals(keys, bound, "every key bound exactly once across the batches; " + log);
    assertEquals(sorted(colocated(topology, FIRST_USERS_POSTS, lastUser)), sorted(run.rows()), log);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(BOTH)
  void defaultBindBatchSizeBindsAllKeysInOneQuery(LoadedTopology topology) throws SQLException {
    long lastUser = 10;
    Run run = throughXcluster(topology.jdbcUrl(), FIRST_USERS_POSTS, lastUser);
    String log = run.queries().toString();

    assertEquals(List.of("accounts", "content"), run.queries().clusters(), log);
    assertEquals(10, run.queries().get(1).parameters(), log);
    assertEquals(sorted(colocated(topology, FIRST_USERS_POSTS, lastUser)), sorted(run.rows()), log);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(BOTH)
  void bindBatchSizeOfOneStillRunsOneQueryPerKeyNotPerRow(LoadedTopology topology) throws SQLException {
    String sql = "SELECT p.title, u.name FROM posts p JOIN users u ON u.id = p.user_id WHERE p.title <> 'zz'";
    long distinctUsers = colocatedNumber(topology, "SELECT COUNT(DISTINCT user_id) FROM posts WHERE title <> 'zz'");
    long posts = colocatedNumber(topology, "SELECT COUNT(*) FROM posts WHERE title <> 'zz'");
    assertTrue(posts > distinctUsers, "the fixture must give some users several posts");

    Run run = throughXcluster(topology.jdbcUrl() + "?bindBatchSize=1", sql);
    String log = run.queries().toString();

    assertEquals("content", run.queries().get(0).cluster(), log);
    assertEquals(distinctUsers, run.queries().on("accounts").size(), "one query per distinct key; " + log);
    assertEquals(sorted(colocated(topology, sql)), sorted(run.rows()), log);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(BOTH)
  void boundSideWithoutKeysSendsNoEmptyInList(LoadedTopology topology) throws SQLException {
    String sql = "SELECT u.name, p.title FROM users u JOIN posts p ON p.user_id = u.id WHERE u.id < 0";
    Run run = throughXcluster(topology.jdbcUrl(), sql);
    String log = run.queries().toString();

    assertEquals("accounts", run.queries().get(0).cluster(), log);
    assertEquals(0, run.queries().get(0).rows(), log);
    for (QueryEvent event : run.queries().events()) {
      assertFalse(event.sql().replace(" ", "").contains("IN()"), "an empty IN list is invalid SQL; " + log);
      assertFalse(isBound(event) && event.parameters() == 0, log);
      assertFalse(event.failed(), log);
    }
    assertEquals(List.of(), run.rows());
    assertEquals(colocated(topology, sql), run.rows());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(BOTH)
  void leftJoinWithoutKeysKeepsTheLeftRowsAndSendsNoEmptyInList(LoadedTopology topology) throws SQLException {
    String sql = "SELECT d.name, h.name FROM dogs d LEFT JOIN humans h ON h.id = d.human_id WHERE d.human_id IS NULL";
    Run run = throughXcluster(topology.jdbcUrl(), sql);
    String log = run.queries().toString();

    assertEquals("pets", run.queries().get(0).cluster(), log);
    for (QueryEvent event : run.queries().events()) {
      assertFalse(event.sql().replace(" ", "").contains("IN()"), "an empty IN list is invalid SQL; " + log);
    }
    assertFalse(run.rows().isEmpty(), "the fixture has dogs without a human");
    assertEquals(sorted(colocated(topology, sql)), sorted(run.rows()), log);
  }

  private static long countMarks(String sql) {
    return sql.chars().filter(c -> c == '?').count();
  }
}
