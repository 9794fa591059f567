package io.xcluster.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A validated, immutable xcluster configuration: the cluster map and the top-level options.
 *
 * @param source a description of where it came from, for messages (e.g. {@code /etc/app/xcluster.yaml} or
 *     {@code classpath:xcluster.yaml}); never contains secrets
 * @param clusters the clusters in the order the file declares them (unmodifiable, insertion-ordered)
 * @param options the top-level options after URL overrides were applied
 * @param tables the table to cluster resolution built from every cluster's {@code tables} list and
 *     {@code defaultCluster}
 */
public record XClusterConfig(
    String source, Map<String, ClusterConfig> clusters, Options options, TableMap tables) {

  public XClusterConfig {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(tables, "tables");
    clusters = Collections.unmodifiableMap(new LinkedHashMap<>(clusters));
  }

  /** A cluster by name, or one shard of a sharded cluster by its server name ({@code content/shard0}). */
  public ClusterConfig cluster(String name) {
    ClusterConfig cluster = clusters.get(name);
    if (cluster == null && name.indexOf('/') > 0) {
      ClusterConfig sharded = clusters.get(name.substring(0, name.indexOf('/')));
      cluster = sharded == null ? null : sharded.servers().stream()
          .filter(server -> server.name().equals(name)).findFirst().orElse(null);
    }
    if (cluster == null) {
      throw new IllegalArgumentException("no cluster named '" + name + "' in " + source);
    }
    return cluster;
  }

  /** Every server as a cluster of one: the unsharded clusters and each shard of the sharded ones. */
  public java.util.List<ClusterConfig> servers() {
    return clusters.values().stream().flatMap(cluster -> cluster.servers().stream()).toList();
  }
}
