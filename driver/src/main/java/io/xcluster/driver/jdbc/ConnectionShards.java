package io.xcluster.driver.jdbc;

import io.xcluster.config.ClusterConfig;
import io.xcluster.driver.runtime.XClusterRuntime;
import io.xcluster.error.SqlState;
import io.xcluster.rewriter.Plan;
import io.xcluster.rewriter.ShardPick;
import io.xcluster.rewriter.StatementKind;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * One logical connection's view of the sharded clusters: its shard pin, and which shard servers a statement
 * runs on with the values bound now. The physical work (a probe for rows an UPDATE would move) stays with
 * the connection, which lends it through {@link Probe}.
 */
final class ConnectionShards {
  static final String PROPERTY = "xcluster.shard";

  private final XClusterRuntime runtime;
  /** The shard server this connection is restricted to, or null. */
  private volatile String pin;

  ConnectionShards(XClusterRuntime runtime) {
    this.runtime = runtime;
  }

  /** Pins the connection to {@code server}; null, empty or DEFAULT lifts the pin. */
  void pin(String server) throws SQLException {
    if (server == null || server.isEmpty() || server.equalsIgnoreCase("DEFAULT")) {
      pin = null;
      return;
    }
    List<String> shards = runtime.config().clusters().values().stream().filter(ClusterConfig::isSharded)
        .flatMap(cluster -> cluster.servers().stream()).map(ClusterConfig::name).toList();
    if (!shards.contains(server)) {
      throw SqlExceptions.of(SqlState.INVALID_PARAMETER, "'" + server + "' is not a shard; the shards are "
          + (shards.isEmpty() ? "none (no cluster is sharded)" : String.join(", ", shards))
          + ". Fix: name one of them, e.g. SET " + PROPERTY + " = '" + (shards.isEmpty() ? "cluster/shard0"
              : shards.get(0)) + "'");
    }
    pin = server;
  }

  Optional<String> pin() {
    return Optional.ofNullable(pin);
  }

  /** The resolver of a sharded cluster's shards, the pin applied. */
  ShardResolver resolver(String cluster) {
    return new ShardResolver(runtime.cluster(cluster), pin());
  }

  /**
   * The servers a pass-through runs on, each as a route of its own: its cluster (or hinted server); the shards
   * its keys pick; for an UPDATE that sets the shard key, the new key's shard once {@code probe} found no row
   * it would move ({@link #moveTarget}).
   */
  List<Plan.PassThrough> servers(Plan.PassThrough route, Object[] values, Probe probe) throws SQLException {
    if (!runtime.cluster(route.cluster()).isSharded()) {
      return List.of(route);
    }
    if (route.move().isPresent()) {
      return List.of(moveTarget(route, route.move().get(), values, probe));
    }
    return reached(route, values);
  }

  /** The shards the statement's WHERE (or an INSERT's rows) reach. */
  private List<Plan.PassThrough> reached(Plan.PassThrough route, Object[] values) throws SQLException {
    return resolver(route.cluster()).servers(route.shards(), values, route.kind() == StatementKind.INSERT).stream()
        .map(route::on).toList();
  }

  /** Looks for a row an UPDATE would change on one server. */
  @FunctionalInterface
  interface Probe {
    boolean holdsRow(String server, ShardPick.Move move, Object[] values) throws SQLException;
  }

  /**
   * For an UPDATE that sets the shard key: the shard of the new key, after probing every other shard its
   * WHERE reaches for a row it would change (which it would move).
   *
   * @throws SQLException 0A000 naming both shards when the UPDATE would move a row
   */
  private Plan.PassThrough moveTarget(Plan.PassThrough route, ShardPick.Move move, Object[] values, Probe probe)
      throws SQLException {
    String target = resolver(route.cluster())
        .servers(new ShardPick(List.of(move.newKey()), move.keyType()), values, true).get(0);
    for (Plan.PassThrough other : reached(route, values)) {
      if (!other.cluster().equals(target) && probe.holdsRow(other.cluster(), move, values)) {
        throw SqlExceptions.of(SqlState.FEATURE_NOT_SUPPORTED, "this UPDATE sets the shard key of rows on shard '"
            + other.cluster() + "' to a value of shard '" + target + "': it would move them between shards."
            + " Fix: delete the rows and insert them again with the new key");
      }
    }
    return route.on(target);
  }

  /**
   * The server that answers reads about a cluster's tables (their columns, its collation): itself, or a
   * sharded cluster's first shard, since every shard holds the schema.
   *
   * @throws IllegalStateException for a write that reached a sharded cluster with its shard unresolved (a bug)
   */
  String readServer(String cluster, StatementKind kind) {
    ClusterConfig named = runtime.config().clusters().get(cluster);
    if (named == null || !named.isSharded()) {
      return cluster;
    }
    if (kind.mayWrite()) {
      throw new IllegalStateException("a write reached sharded cluster " + cluster + " without its shard resolved");
    }
    return named.shardServer(0);
  }
}
