package io.xcluster.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShardingConfigTest {
  @TempDir Path dir;

  private static final String HASHED = """
      clusters:
        accounts:
          url: jdbc:postgresql://h/accounts
          tables: [users]
        content:
          username: app
          password: s3cret
          pool: { maximumPoolSize: 4 }
          tables: [posts, comments]
          sharding:
            rule: hash
            keys: { posts: user_id, comments: user_id }
          shards:
            - url: jdbc:postgresql://h/content_0
            - url: jdbc:postgresql://h/content_1
              name: east
              password: other
              pool: { maximumPoolSize: 2 }
      """;

  @Test
  void shardsAreServersNamedAfterTheirClusterAndInheritItsLogin() {
    XClusterConfig config = Fixtures.load(dir, HASHED);
    ClusterConfig content = config.cluster("content");
    assertTrue(content.isSharded());
    assertEquals("jdbc:postgresql://h/content_0", content.url(), "the first shard's URL stands for the cluster");
    assertEquals(List.of("accounts", "content/shard0", "content/east"),
        config.servers().stream().map(ClusterConfig::name).toList());
    ClusterConfig east = config.cluster("content/east");
    assertEquals("app", east.username());
    assertEquals("other", east.password().reveal());
    assertEquals("2", east.pool().get("maximumPoolSize"));
    assertEquals("4", config.cluster("content/shard0").pool().get("maximumPoolSize"));
    assertEquals("s3cret", config.cluster("content/shard0").password().reveal());
    assertEquals(Optional.of("user_id"), content.sharding().orElseThrow().keyOf("content", TableName.of("POSTS")));
    assertFalse(content.toString().contains("s3cret") || content.toString().contains("other"), content.toString());
  }

  @Test
  void hashPutsIntegersByModuloAndTextByCrc32() {
    Sharding sharding = Fixtures.load(dir, HASHED).cluster("content").sharding().orElseThrow();
    assertEquals(Optional.of(1), sharding.shardOf(7L, true));
    assertEquals(Optional.of(1), sharding.shardOf(-1, true), "floorMod: negative keys still land in a shard");
    assertEquals(Optional.of(1), sharding.shardOf("7", true), "text bound for an integer key maps like the number");
    assertEquals(Optional.of(1), sharding.shardOf(new BigDecimal("7.00"), true));
    assertEquals(Optional.of(0), sharding.shardOf(8, false));
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update("alice".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(Optional.of((int) (crc.getValue() % 2)), sharding.shardOf("alice", false));
    UUID id = UUID.fromString("0b4c4f1e-0000-4000-8000-00000000000a");
    assertEquals(sharding.shardOf(id.toString(), false), sharding.shardOf(id, false));
    assertThrows(IllegalArgumentException.class, () -> sharding.shardOf("seven", true));
    java.util.zip.CRC32 seven = new java.util.zip.CRC32();
    seven.update("7".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(Optional.of((int) (seven.getValue() % 2)), sharding.shardOf(7, Sharding.KeyType.TEXT),
        "a number bound for a text key maps like its text, as the row inserted with '7' did");
    assertEquals(sharding.shardOf("7", Sharding.KeyType.TEXT), sharding.shardOf(7L, Sharding.KeyType.TEXT));
    assertEquals(Optional.of(1), sharding.shardOf(7, Sharding.KeyType.BY_VALUE), "unknown column type: by value");
    assertThrows(IllegalArgumentException.class, () -> sharding.shardOf(null, true));
  }

  @Test
  void rangesAndListsPlaceKeysAndMayPlaceNone() {
    Sharding ranges = Fixtures.load(dir, """
        clusters:
          content:
            tables: [posts]
            sharding: { rule: range, keys: { posts: user_id } }
            shards:
              - { url: 'jdbc:postgresql://h/c0', to: 100 }
              - { url: 'jdbc:postgresql://h/c1', from: 100, to: 1_000 }
        """).cluster("content").sharding().orElseThrow();
    assertEquals(Optional.of(0), ranges.shardOf(-5, true));
    assertEquals(Optional.of(1), ranges.shardOf(100, true));
    assertEquals(Optional.empty(), ranges.shardOf(1000, true));
    Sharding lists = Fixtures.load(dir, """
        clusters:
          tenants:
            tables: [orders]
            sharding: { rule: list, keys: { orders: country } }
            shards:
              - { url: 'jdbc:mysql://h/eu', values: [de, at] }
              - { url: 'jdbc:mariadb://h/us', values: [us] }
        """).cluster("tenants").sharding().orElseThrow();
    assertEquals(Optional.of(0), lists.shardOf("at", false));
    assertEquals(Optional.of(1), lists.shardOf("us", false));
    assertEquals(Optional.empty(), lists.shardOf("fr", false));
  }

  @Test
  void everyShardingMistakeIsReportedAtOnceWithItsLine() {
    ConfigException e = Fixtures.failure(dir, """
        clusters:
          content:
            url: jdbc:postgresql://h/content
            tables: [posts, comments]
            sharding:
              rule: modulo
              keys: { posts: user_id, users: id }
            shards:
              - { url: 'jdbc:postgresql://h/c0', from: 3 }
              - { url: 'jdbc:mysql://h/c1', name: 'bad/name' }
        """);
    String message = e.getMessage();
    assertTrue(message.contains("yaml:3: sharded cluster 'content' has a 'url' of its own"), message);
    assertTrue(message.contains("yaml:6: unknown sharding rule 'modulo' of cluster 'content'"), message);
    assertTrue(message.contains("Fix: write rule: hash"), message);
    assertTrue(message.contains("yaml:7: shard key entry 'users' of cluster 'content' names a table the cluster"
        + " does not list"), message);
    assertTrue(message.contains("yaml:7: table 'comments' of sharded cluster 'content' has no shard key"), message);
    assertTrue(message.contains("yaml:10: shard name 'bad/name' of cluster 'content' is not a simple name"), message);
    assertTrue(message.contains("yaml:8: the shards of cluster 'content' are different databases (postgresql, mysql)"),
        message);
  }

  @Test
  void rangeAndListShardsMustSayWhichKeysTheyHold() {
    String message = Fixtures.failure(dir, """
        clusters:
          content:
            tables: [posts]
            sharding: { rule: range, keys: { posts: user_id } }
            shards:
              - { url: 'jdbc:postgresql://h/c0', to: 100 }
              - { url: 'jdbc:postgresql://h/c1', from: 50 }
              - { url: 'jdbc:postgresql://h/c2', values: [1] }
              - { url: 'jdbc:postgresql://h/c3', from: 9, to: 9 }
              - { url: 'jdbc:postgresql://h/c4', from: ten }
        """).getMessage();
    assertTrue(message.contains("the ranges of shards 'shard0' and 'shard1' of cluster 'content' overlap"), message);
    assertTrue(message.contains("yaml:8: shard 'shard2' of cluster 'content' needs from and/or to"), message);
    assertTrue(message.contains("yaml:9: shard 'shard3' of cluster 'content' has from 9 not below to 9"), message);
    assertTrue(message.contains("yaml:10: 'from' of shard 'shard4' of cluster 'content' is not a whole number"),
        message);
    String lists = Fixtures.failure(dir, """
        clusters:
          content:
            tables: [posts]
            sharding: { rule: list, keys: { posts: country } }
            shards:
              - { url: 'jdbc:postgresql://h/c0', values: [de, at] }
              - { url: 'jdbc:postgresql://h/c1', values: [at] }
              - { url: 'jdbc:postgresql://h/c2' }
        """).getMessage();
    assertTrue(lists.contains("key 'at' is listed in shards 'shard0' and 'shard1'"), lists);
    assertTrue(lists.contains("yaml:8: shard 'shard2' of cluster 'content' needs values"), lists);
  }

  @Test
  void eachShardMayListReplicasReadUnderTheClustersOptions() {
    XClusterConfig config = Fixtures.load(dir, """
        clusters:
          content:
            tables: [posts]
            replicaReadDelay: 300ms
            sharding: { rule: hash, keys: { posts: user_id } }
            shards:
              - url: jdbc:postgresql://h/c0
                replicas: [ { url: 'jdbc:postgresql://r/c0' }, { name: west, url: 'jdbc:postgresql://w/c0' } ]
              - url: jdbc:postgresql://h/c1
        """);
    ClusterConfig.Replicas replicas = config.cluster("content/shard0").replicas();
    assertEquals(List.of("replica1", "west"), replicas.servers().stream().map(ClusterConfig.Replica::name).toList());
    assertEquals(java.time.Duration.ofMillis(300), replicas.readDelay());
    assertTrue(config.cluster("content/shard1").replicas().isEmpty());
    String message = Fixtures.failure(dir, """
        clusters:
          content:
            tables: [posts]
            replicas: [ { url: 'jdbc:postgresql://r/c' } ]
            sharding: { rule: hash, keys: { posts: user_id } }
            shards:
              - url: jdbc:postgresql://h/c0
                replicas: [ { url: 'jdbc:mysql://r/c0' } ]
        """).getMessage();
    assertTrue(message.contains("yaml:4: sharded cluster 'content' lists replicas of its own"), message);
    assertTrue(message.contains("content/shard0"), message);
  }

  @Test
  void shardsWithoutShardingAndShardsWithoutUrlAreRefused() {
    String message = Fixtures.failure(dir, """
        clusters:
          content:
            tables: [posts]
            shards:
              - url: jdbc:postgresql://h/c0
        """).getMessage();
    assertTrue(message.contains("yaml:4: cluster 'content' has 'shards' without 'sharding'"), message);
    String noUrl = Fixtures.failure(dir, """
        clusters:
          content:
            tables: [posts]
            sharding: { rule: hash, keys: { posts: user_id } }
            shards:
              - name: east
        """).getMessage();
    assertTrue(noUrl.contains("cluster 'content/east' has no 'url'"), noUrl);
  }
}
