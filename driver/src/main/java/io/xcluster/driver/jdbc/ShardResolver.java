package io.xcluster.driver.jdbc;

import io.xcluster.config.ClusterConfig;
import io.xcluster.config.Sharding;
import io.xcluster.error.SqlState;
import io.xcluster.rewriter.ShardPick;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Turns the shard key values a statement (or one fetch of a plan) gives into the servers that run it, under
 * the connection's shard pin: a pinned connection reaches only its shard, and a statement whose keys name
 * another shard is refused.
 *
 * <p>A key no shard holds (outside every range or list) is skipped by reads and rejected by an INSERT; a read
 * whose keys all fall outside the shards runs on one shard anyway, which then answers its columns and no rows.
 */
final class ShardResolver {
  private final ClusterConfig cluster;
  private final Sharding sharding;
  private final Optional<String> pin;

  /** @param pin the connection's pinned server, when it is one of this cluster's shards */
  ShardResolver(ClusterConfig cluster, Optional<String> pin) {
    this.cluster = cluster;
    this.sharding = cluster.sharding().orElseThrow();
    this.pin = pin.filter(server -> server.startsWith(cluster.name() + "/"));
  }

  /**
   * The servers for {@code pick} with the statement's parameter values.
   *
   * @param everyKeyPlaced whether each key must have a shard (an INSERT's rows must go somewhere)
   */
  List<String> servers(ShardPick pick, Object[] values, boolean everyKeyPlaced) throws SQLException {
    if (pick.all()) {
      return pin.map(List::of).orElseGet(this::allServers);
    }
    TreeSet<Integer> shards = new TreeSet<>();
    for (ShardPick.Key key : pick.keys()) {
      Object value = key.isParameter() && key.parameter() > values.length ? null : key.value(values);
      if (value == null && !everyKeyPlaced) {
        continue; // key = NULL matches no row
      }
      Optional<Integer> shard = shardOf(value, pick.keyType());
      if (shard.isEmpty() && everyKeyPlaced) {
        throw SqlExceptions.of(SqlState.FEATURE_NOT_SUPPORTED, "no shard of cluster '" + cluster.name()
            + "' holds the shard key " + describe(key, value) + ". Fix: give a key the " + sharding.rule()
            .name().toLowerCase(java.util.Locale.ROOT) + " rule places, or add a shard that holds it");
      }
      shard.ifPresent(shards::add);
    }
    List<String> servers = shards.stream().map(cluster::shardServer).toList();
    if (pin.isPresent()) {
      List<String> others = servers.stream().filter(server -> !server.equals(pin.get())).toList();
      if (!others.isEmpty()) {
        throw SqlExceptions.of(SqlState.OBJECT_NOT_IN_STATE, "this connection is pinned to shard '" + pin.get()
            + "', but the statement's shard keys reach " + String.join(", ", others) + ". Fix: use a connection"
            + " pinned to that shard, or SET xcluster.shard = DEFAULT to unpin this one");
      }
      return List.of(pin.get());
    }
    return servers.isEmpty() ? List.of(cluster.shardServer(0)) : servers;
  }

  /**
   * The server that holds one bound key; empty when no shard does, when it is not the pinned one, or when the
   * key cannot equal any value of an integer key column (7.5): no row of any shard matches it then.
   */
  Optional<String> serverOf(Object key, Sharding.KeyType keyType) {
    if (key == null) {
      return Optional.empty();
    }
    try {
      return sharding.shardOf(key, keyType).map(cluster::shardServer)
          .filter(server -> pin.isEmpty() || pin.get().equals(server));
    } catch (IllegalArgumentException notAKeyValue) {
      return Optional.empty();
    }
  }

  List<String> allServers() {
    return java.util.stream.IntStream.range(0, sharding.shards().size()).mapToObj(cluster::shardServer).toList();
  }

  private Optional<Integer> shardOf(Object value, Sharding.KeyType keyType) throws SQLException {
    try {
      return sharding.shardOf(value, keyType);
    } catch (IllegalArgumentException unusable) {
      throw SqlExceptions.of(SqlState.INVALID_PARAMETER, "the shard key value of cluster '" + cluster.name()
          + "' cannot be placed: " + unusable.getMessage() + ". Fix: bind the key column's own type");
    }
  }

  private static String describe(ShardPick.Key key, Object value) {
    return key.isParameter() ? "bound to parameter " + key.parameter() : String.valueOf(value);
  }
}
