package io.xcluster.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xcluster.config.ClusterConfig;
import io.xcluster.config.Options;
import io.xcluster.config.Secret;
import io.xcluster.config.Sharding;
import io.xcluster.config.TablePattern;
import io.xcluster.config.XClusterConfig;
import io.xcluster.error.XClusterException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * How statements of a sharded cluster (content: posts and comments, sharded by user_id over two shards) are
 * planned: pinned to the shards their keys pick, scattered to all, or refused, without any database.
 */
class ShardRoutingTest {
  private final Planner planner = planner();

  private static Planner planner() {
    Map<String, ClusterConfig> clusters = new LinkedHashMap<>();
    clusters.put("accounts", new ClusterConfig("accounts", "jdbc:postgresql://a/accounts", null, Secret.of(null),
        Map.of(), List.of()));
    Sharding sharding = new Sharding(Sharding.Rule.HASH,
        List.of(new Sharding.ShardKey(TablePattern.parse("posts", 0), "user_id"),
            new Sharding.ShardKey(TablePattern.parse("comments", 0), "user_id")),
        List.of(shard("shard0"), shard("shard1")));
    clusters.put("content", new ClusterConfig("content", "jdbc:postgresql://c/content_0", null, Secret.of(null),
        Map.of(), List.of(), List.of(), Optional.of(sharding)));
    Map<String, String> byTable = Map.of("users", "accounts", "subscriptions", "accounts", "posts", "content",
        "comments", "content");
    return new Planner(new XClusterConfig("test", clusters, new Options(Optional.empty(), 100, 5_000),
        new TestTableMap(byTable, Optional.empty())));
  }

  private static Sharding.Shard shard(String name) {
    return new Sharding.Shard(name, "jdbc:postgresql://c/" + name, null, null, Map.of(), null, null, List.of());
  }

  private Plan plan(String sql) {
    return planner.plan(sql, ShardRoutingTest::columns);
  }

  /** The golden plans' columns, comments with the user_id they are sharded by. */
  private static List<CatalogColumn> columns(String cluster, String item) {
    if (!item.strip().startsWith("comments")) {
      return CrossClusterPlansTest.columns(cluster, item);
    }
    CatalogColumn key = new CatalogColumn("user_id", "int8", Optional.of(io.xcluster.rewriter.eval.ValueKind.INTEGER));
    return List.of(new CatalogColumn("id", "int8", Optional.of(io.xcluster.rewriter.eval.ValueKind.INTEGER)),
        new CatalogColumn("post_id", "int8", Optional.of(io.xcluster.rewriter.eval.ValueKind.INTEGER)), key,
        CatalogColumn.untyped("body"));
  }

  private Plan.PassThrough routed(String sql) {
    return assertInstanceOf(Plan.PassThrough.class, plan(sql), sql);
  }

  @Test
  void anEqualityOnTheShardKeyGoesToOneShardDecidedWhenItRuns() {
    Plan.PassThrough route = routed("SELECT title FROM posts WHERE user_id = ? AND score > 3");
    assertEquals("content", route.cluster());
    assertEquals(Plan.Reason.SHARD_KEY, route.reason());
    assertEquals("[?1]", route.shards().keys().toString());
    assertEquals(Sharding.KeyType.INTEGER, route.shards().keyType(), "user_id is an integer column");
    assertEquals("[7]", routed("SELECT * FROM posts p WHERE 7 = p.user_id").shards().keys().toString());
    assertEquals(Sharding.KeyType.TEXT, ShardPick.keyType(Optional.of(io.xcluster.rewriter.eval.ValueKind.TEXT)),
        "a text key column maps a number bound for it as its text");
  }

  @Test
  void selectsNoSingleShardAnswersAreMergedFromEveryShard() {
    CrossClusterPlan all = assertInstanceOf(CrossClusterPlan.class, plan("SELECT id FROM posts ORDER BY score DESC LIMIT 5"));
    assertTrue(all.fetches().get(0).shards().all());
    assertFalse(all.orderedAtSource(), "each shard sorts only its own rows");
    assertTrue(all.fetches().get(0).cutsTop(), "each shard returns only its top rows: " + all.describe());
    CrossClusterPlan sorted = assertInstanceOf(CrossClusterPlan.class,
        plan("SELECT id, score FROM posts WHERE score > 10 ORDER BY score, id"));
    assertTrue(sorted.fetches().get(0).cutsTop(), "each shard sorts, the shards' rows merge: " + sorted.describe());
    CrossClusterPlan some = assertInstanceOf(CrossClusterPlan.class,
        plan("SELECT id FROM posts WHERE user_id IN (1, ?) ORDER BY id"));
    assertEquals("[1, ?1]", some.fetches().get(0).shards().keys().toString(), "an IN list prunes the shards");
  }

  @Test
  void twoShardedTablesAreReadApartAndBoundByTheShardKey() {
    CrossClusterPlan plan = assertInstanceOf(CrossClusterPlan.class,
        plan("SELECT p.title, c.body FROM posts p JOIN comments c ON c.post_id = p.id WHERE p.user_id = 3"));
    assertEquals(2, plan.fetches().size(), "a join inside a sharded cluster is not pushed down: " + plan);
    CrossClusterPlan colocated = assertInstanceOf(CrossClusterPlan.class, plan("SELECT p.title, c.body FROM posts p"
        + " JOIN comments c ON c.user_id = p.user_id AND c.post_id = p.id WHERE c.user_id IN (3, 4)"));
    assertEquals(1, colocated.fetches().size(), "joined on the shard key: each shard runs the join: " + colocated);
    assertEquals("[3, 4]", colocated.fetches().get(0).shards().keys().toString());
    CrossClusterPlan bound = assertInstanceOf(CrossClusterPlan.class,
        plan("SELECT u.name, p.title FROM users u JOIN posts p ON p.user_id = u.id WHERE u.id < 10"));
    CrossClusterPlan.Fetch posts = bound.fetches().get(1);
    assertEquals(List.of("p.\"user_id\""), posts.keyColumns());
    assertEquals(0, posts.shardKeyColumn(), "each key goes to its own shard");
  }

  @Test
  void aGroupingOfOneShardedTableIsPartlyAggregatedOnEachShard() {
    CrossClusterPlan plan = assertInstanceOf(CrossClusterPlan.class,
        plan("SELECT user_id, COUNT(*), SUM(score) FROM posts GROUP BY user_id"));
    assertTrue(plan.fetches().get(0).unboundSql().contains("GROUP BY"), plan.describe());
  }

  @Test
  void writesRouteByTheirShardKey() {
    assertEquals("[?2, 4]", routed("INSERT INTO posts (id, user_id, title) VALUES (?, ?, 'a'), (3, 4, 'b')")
        .shards().keys().toString());
    assertEquals("[5]", routed("UPDATE posts SET title = 'x' WHERE user_id = 5").shards().keys().toString());
    assertTrue(routed("DELETE FROM posts WHERE id = 1").shards().all(), "no key: every shard");
    assertTrue(routed("CREATE INDEX posts_score ON posts (score)").shards().all(), "DDL: every shard");
  }

  @Test
  void anUpdateSettingTheShardKeyProbesForRowsItWouldMove() {
    Plan.PassThrough route = routed("UPDATE posts SET title = ?, user_id = ? WHERE id = ? AND score > ?");
    ShardPick.Move move = route.move().orElseThrow();
    assertEquals("?2", move.newKey().toString());
    assertEquals("SELECT 1 FROM posts WHERE id = ? AND score > ? LIMIT 1", move.probeSql());
    assertEquals(List.of(3, 4), move.probeParameters());
    assertTrue(routed("UPDATE posts SET title = 'x' WHERE id = 1").move().isEmpty());
  }

  @Test
  void whatCouldGoWrongIsRefusedWithTheFix() {
    assertRefused("INSERT INTO posts (id, title) VALUES (1, 'x')", "does not name the shard key column user_id");
    assertRefused("INSERT INTO posts (id, user_id) VALUES (1, 2 + 3)", "give user_id as a literal or a ? parameter");
    assertRefused("INSERT INTO posts (id, user_id) SELECT id, user_id FROM comments", "INSERT ... SELECT");
    assertRefused("UPDATE posts SET user_id = user_id + 1 WHERE id = 1", "sets the shard key user_id");
    assertRefused("INSERT INTO posts (id, user_id) VALUES (1, 2) ON CONFLICT (id) DO UPDATE SET user_id = 3",
        "sets the shard key user_id");
    assertRefused("INSERT INTO posts (id, user_id) VALUES (1, 2) ON DUPLICATE KEY UPDATE user_id = 3",
        "sets the shard key user_id");
    assertEquals("[2]", routed("INSERT INTO posts (id, user_id, title) VALUES (1, 2, 'a') ON CONFLICT (id)"
        + " DO UPDATE SET title = 'b'").shards().keys().toString());
    assertRefused("DELETE FROM posts WHERE id IN (SELECT post_id FROM comments)", "reads further tables");
    assertRefused("SELECT * FROM posts FOR UPDATE", "locking SELECT");
    assertRefused("/* xcluster:cluster=content */ SELECT 1", "unknown cluster 'content'");
  }

  @Test
  void aHintOrAStatementWithoutTablesNamesOneShardServer() {
    assertEquals("content/shard1", routed("/* xcluster:cluster=content/shard1 */ SELECT count(*) FROM posts").cluster());
  }

  private void assertRefused(String sql, String fragment) {
    XClusterException refused = assertThrows(XClusterException.class, () -> plan(sql), sql);
    assertTrue(refused.getMessage().contains(fragment), refused.getMessage());
  }
}
