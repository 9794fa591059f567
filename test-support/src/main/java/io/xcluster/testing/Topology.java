package io.xcluster.testing;

import static io.xcluster.testing.FixtureTable.COMMENTS;
import static io.xcluster.testing.FixtureTable.DOGS;
import static io.xcluster.testing.FixtureTable.HUMANS;
import static io.xcluster.testing.FixtureTable.POSTS;
import static io.xcluster.testing.FixtureTable.SUBSCRIPTIONS;
import static io.xcluster.testing.FixtureTable.TREATS;
import static io.xcluster.testing.FixtureTable.USERS;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which cluster holds which fixture tables, plus one colocated database that holds every table
 * with the same data, for differential tests: a query through xcluster over the clusters must
 * return what the same query returns on the colocated database.
 *
 * <p>The standard layouts put {@code users, subscriptions} in cluster {@code accounts}, {@code
 * posts, comments} in {@code content}, {@code dogs} in {@code pets}, {@code humans} in {@code
 * people} and {@code treats} in {@code kitchen}; {@code accounts} is the default cluster. Database
 * names are a prefix plus the cluster name ({@code xc_pp_accounts}) and {@code <prefix>colocated},
 * so topologies with different prefixes coexist on one server.
 *
 * @param name a label for log lines and temporary file names, a simple identifier
 * @param clusters the clusters in configuration order; no table in two clusters, no two placements
 *     (colocated included) in one database
 * @param defaultCluster the name of one of {@code clusters}
 * @param colocated the database holding every table of every cluster; not part of the configuration
 */
public record Topology(
    String name,
    List<ClusterPlacement> clusters,
    String defaultCluster,
    ClusterPlacement colocated) {

  public Topology {
    DatabaseNames.requireSimple(name);
    clusters = List.copyOf(clusters);
    requireDisjoint(clusters);
    requireDistinctDatabases(clusters, colocated);
    if (clusters.stream().noneMatch(cluster -> cluster.cluster().equals(defaultCluster))) {
      throw new IllegalArgumentException("Default cluster " + defaultCluster + " is not a cluster");
    }
    if (!colocated.tables().containsAll(tables(clusters))) {
      throw new IllegalArgumentException("The colocated database must hold every cluster's tables");
    }
  }

  /** Every cluster on the shared PostgreSQL server; databases {@code xc_pp_*}. */
  public static Topology pgPg() {
    return pgPg("xc_pp_");
  }

  /** Every cluster on the shared PostgreSQL server; databases {@code <prefix>accounts} etc. */
  public static Topology pgPg(String prefix) {
    DbServer postgres = DbServers.postgres();
    return standard("pg_pg", prefix, postgres, postgres);
  }

  /**
   * {@code content} and {@code kitchen} on the shared MySQL/MariaDB server, the rest and the
   * colocated database on PostgreSQL; databases {@code xc_pm_*}.
   */
  public static Topology pgMysql() {
    return pgMysql("xc_pm_");
  }

  /**
   * Every cluster on PostgreSQL, {@code content} (posts, comments) sharded over two databases by user_id;
   * databases {@code xc_ps_*}.
   */
  public static Topology pgSharded() {
    DbServer postgres = DbServers.postgres();
    return standard("pg_sharded", "xc_ps_", postgres, postgres, 2);
  }

  /**
   * {@code content} sharded over three MySQL/MariaDB databases by user_id, {@code kitchen} on MySQL too, the
   * rest and the colocated database on PostgreSQL; databases {@code xc_pms_*}.
   */
  public static Topology pgMysqlSharded() {
    return standard("pg_mysql_sharded", "xc_pms_", DbServers.postgres(), DbServers.mysql(), 3);
  }

  /** As {@link #pgMysql()} with databases named {@code <prefix>accounts} etc. */
  public static Topology pgMysql(String prefix) {
    return standard("pg_mysql", prefix, DbServers.postgres(), DbServers.mysql());
  }

  /**
   * The standard layout with {@code content} and {@code kitchen} on {@code other} and everything
   * else, including the colocated database, on {@code main}.
   */
  public static Topology standard(String name, String prefix, DbServer main, DbServer other) {
    return standard(name, prefix, main, other, 0);
  }

  /** The standard layout with {@code content} spread over {@code contentShards} shards (0: not sharded). */
  public static Topology standard(
      String name, String prefix, DbServer main, DbServer other, int contentShards) {
    List<ClusterPlacement> clusters =
        List.of(
            new ClusterPlacement(
                "accounts", main, prefix + "accounts", List.of(USERS, SUBSCRIPTIONS)),
            new ClusterPlacement(
                "content", other, prefix + "content", List.of(POSTS, COMMENTS), contentShards),
            new ClusterPlacement("pets", main, prefix + "pets", List.of(DOGS)),
            new ClusterPlacement("people", main, prefix + "people", List.of(HUMANS)),
            new ClusterPlacement("kitchen", other, prefix + "kitchen", List.of(TREATS)));
    ClusterPlacement colocated =
        new ClusterPlacement(
            "colocated", main, prefix + "colocated", List.of(FixtureTable.values()));
    return new Topology(name, clusters, "accounts", colocated);
  }

  /**
   * The cluster called {@code cluster}.
   *
   * @throws IllegalArgumentException if there is none
   */
  public ClusterPlacement cluster(String cluster) {
    return clusters.stream()
        .filter(placement -> placement.cluster().equals(cluster))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No cluster " + cluster + " in " + name));
  }

  /** The cluster that owns {@code table}. */
  public ClusterPlacement clusterOf(FixtureTable table) {
    return clusters.stream()
        .filter(placement -> placement.tables().contains(table))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No cluster owns " + table.tableName()));
  }

  private static void requireDisjoint(List<ClusterPlacement> clusters) {
    Set<String> names = new HashSet<>();
    Set<FixtureTable> tables = EnumSet.noneOf(FixtureTable.class);
    for (ClusterPlacement cluster : clusters) {
      if (!names.add(cluster.cluster())) {
        throw new IllegalArgumentException("Cluster " + cluster.cluster() + " appears twice");
      }
      for (FixtureTable table : cluster.tables()) {
        if (!tables.add(table)) {
          throw new IllegalArgumentException(table.tableName() + " is in two clusters");
        }
      }
    }
  }

  private static void requireDistinctDatabases(
      List<ClusterPlacement> clusters, ClusterPlacement colocated) {
    Set<String> urls = new HashSet<>();
    List<ClusterPlacement> all = new ArrayList<>(clusters);
    all.add(colocated);
    for (ClusterPlacement placement : all) {
      if (!urls.add(placement.jdbcUrl())) {
        throw new IllegalArgumentException("Two placements share " + placement.jdbcUrl());
      }
    }
  }

  private static List<FixtureTable> tables(List<ClusterPlacement> clusters) {
    List<FixtureTable> tables = new ArrayList<>();
    clusters.forEach(cluster -> tables.addAll(cluster.tables()));
    return tables;
  }
}
