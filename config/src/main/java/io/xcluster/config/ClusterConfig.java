package io.xcluster.config;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One cluster of the map: where it is, how to log in, how to pool, which tables it owns.
 *
 * @param name the cluster's name, as the YAML key
 * @param url the JDBC URL of the cluster's primary (the real driver's URL, e.g. jdbc:postgresql://...)
 * @param username may be null when the URL or driver supplies it
 * @param password never printed; {@link Secret#toString()} masks it. Its value is null when the file sets
 *     no password (a null argument means the same), empty when the file sets an empty one
 * @param pool HikariCP properties as strings (e.g. {@code maximumPoolSize -> "8"}); unmodifiable
 * @param tables the table patterns as written in the file, in order; unmodifiable
 * @param tableRows row-count hints for some of those tables ({@code tableRows: {posts: 500000}}), which
 *     the join-strategy choice reads; unmodifiable
 * @param sharding for a sharded cluster, its shards, keys and rule; then {@code url}, {@code username},
 *     {@code password} and {@code pool} are those of its first shard (the dialect and catalog lookups read them)
 * @param replicas the cluster's read replicas and how reads use them; {@link Replicas#none()} when it lists none
 */
public record ClusterConfig(
    String name,
    String url,
    String username,
    Secret password,
    Map<String, String> pool,
    List<TablePattern> tables,
    List<TableRows> tableRows,
    Replicas replicas,
    Optional<Sharding> sharding) {

  /** An approximate row count of one table, as the YAML's {@code tableRows} gives it. */
  public record TableRows(TablePattern table, long rows) {}

  /**
   * One read replica: a server holding a copy of the primary's data (same schema), kept in sync by the
   * databases' own replication. Credentials and pool properties the YAML leaves out are the primary's.
   *
   * @param name unique within its cluster: as written, else {@code replica1}, {@code replica2}... by position
   * @param url the replica's JDBC URL
   * @param username may be null
   * @param password never printed
   * @param pool HikariCP properties (the primary's, overridden by the replica's own); unmodifiable
   */
  public record Replica(String name, String url, String username, Secret password, Map<String, String> pool) {
    public Replica {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(url, "url");
      password = password == null ? Secret.of(null) : password;
      pool = Collections.unmodifiableMap(new LinkedHashMap<>(pool));
    }

    public String safeUrl() {
      return Secret.maskUrl(url);
    }

    @Override
    public String toString() {
      return "Replica[name=" + name + ", url=" + safeUrl() + ", username=" + username + ", password=" + password
          + ", pool=" + Secret.maskProperties(pool) + "]";
    }
  }

  /** What a read does when none of its cluster's replicas is healthy. */
  public enum WhenNoReplica {
    /** Read from the primary until a replica answers again (the default). */
    PRIMARY,
    /** Refuse the read with SQLState 08006, naming the cluster and its replicas. */
    FAIL
  }

  /**
   * A cluster's read replicas and the rules of reading from them.
   *
   * @param servers the replicas in the order the file lists them; empty when the cluster has none
   * @param readDelay how long after a logical connection writes to the cluster its reads of the cluster stay
   *     on the primary (read-your-writes); zero turns that off
   * @param whenNoReplica what a read does when no replica is healthy
   * @param probeInterval how often a replica taken out of rotation is asked whether it answers again
   */
  public record Replicas(List<Replica> servers, Duration readDelay, WhenNoReplica whenNoReplica,
      Duration probeInterval) {
    public static final Duration DEFAULT_READ_DELAY = Duration.ofSeconds(2);
    public static final Duration DEFAULT_PROBE_INTERVAL = Duration.ofSeconds(5);

    public Replicas {
      servers = List.copyOf(servers);
      Objects.requireNonNull(readDelay, "readDelay");
      Objects.requireNonNull(whenNoReplica, "whenNoReplica");
      Objects.requireNonNull(probeInterval, "probeInterval");
    }

    /** No replicas, every option at its default. */
    public static Replicas none() {
      return new Replicas(List.of(), DEFAULT_READ_DELAY, WhenNoReplica.PRIMARY, DEFAULT_PROBE_INTERVAL);
    }

    public boolean isEmpty() {
      return servers.isEmpty();
    }
  }

  public ClusterConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
    password = password == null ? Secret.of(null) : password;
    pool = Collections.unmodifiableMap(new LinkedHashMap<>(pool));
    tables = List.copyOf(tables);
    tableRows = List.copyOf(tableRows);
    replicas = replicas == null ? Replicas.none() : replicas;
    sharding = Objects.requireNonNull(sharding, "sharding");
  }

  /** A cluster of one server (not sharded), without read replicas. */
  public ClusterConfig(String name, String url, String username, Secret password, Map<String, String> pool,
      List<TablePattern> tables, List<TableRows> tableRows) {
    this(name, url, username, password, pool, tables, tableRows, Replicas.none(), Optional.empty());
  }

  /** A cluster of one server (not sharded), with its read replicas. */
  public ClusterConfig(String name, String url, String username, Secret password, Map<String, String> pool,
      List<TablePattern> tables, List<TableRows> tableRows, Replicas replicas) {
    this(name, url, username, password, pool, tables, tableRows, replicas, Optional.empty());
  }

  /** A sharded cluster (its shards have no replicas). */
  public ClusterConfig(String name, String url, String username, Secret password, Map<String, String> pool,
      List<TablePattern> tables, List<TableRows> tableRows, Optional<Sharding> sharding) {
    this(name, url, username, password, pool, tables, tableRows, Replicas.none(), sharding);
  }

  /** A cluster without row-count hints. */
  public ClusterConfig(String name, String url, String username, Secret password, Map<String, String> pool,
      List<TablePattern> tables) {
    this(name, url, username, password, pool, tables, List.of());
  }

  public boolean isSharded() {
    return sharding.isPresent();
  }

  /**
   * The servers that hold this cluster's rows, each as a cluster of one server: itself when it is not sharded,
   * else one per shard, named {@code cluster/shard} (the pools, sessions and query events use these names).
   */
  public List<ClusterConfig> servers() {
    if (sharding.isEmpty()) {
      return List.of(this);
    }
    return sharding.get().shards().stream().map(shard -> new ClusterConfig(shardName(shard.name()), shard.url(),
        shard.username(), shard.password(), shard.pool(), tables, tableRows, shard.replicas())).toList();
  }

  /** The name of shard {@code index} as a server: {@code content/shard0}. */
  public String shardServer(int index) {
    return shardName(sharding.orElseThrow().shards().get(index).name());
  }

  private String shardName(String shard) {
    return name + "/" + shard;
  }

  /** The row-count hint that names {@code table} most specifically; empty when none does. */
  public OptionalLong rowsOf(TableName table) {
    int best = TableEntry.NO_MATCH;
    OptionalLong rows = OptionalLong.empty();
    for (TableRows hint : tableRows) {
      int score = new TableEntry(name, hint.table()).score(table);
      if (score > best) {
        best = score;
        rows = OptionalLong.of(hint.rows());
      }
    }
    return rows;
  }

  /** The URL with any embedded credentials masked: safe for logs and messages. */
  public String safeUrl() {
    return Secret.maskUrl(url);
  }

  @Override
  public String toString() {
    return "ClusterConfig[name=" + name + ", url=" + safeUrl() + ", username=" + username
        + ", password=" + password + ", pool=" + Secret.maskProperties(pool) + ", tables=" + tables + ", tableRows=" + tableRows
        + ", replicas=" + replicas
        + sharding.map(sharded -> ", sharding=" + sharded.rule() + " " + sharded.shards()).orElse("") + "]";
  }
}
