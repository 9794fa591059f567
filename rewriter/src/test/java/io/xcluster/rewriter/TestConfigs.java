package io.xcluster.rewriter;

import io.xcluster.config.ClusterConfig;
import io.xcluster.config.Options;
import io.xcluster.config.Secret;
import io.xcluster.config.XClusterConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hand-built configurations: clusters {@code accounts} (users, subscriptions, billing.invoices) and
 * {@code content} (posts, comments, tags), declared in that order.
 */
final class TestConfigs {
  private final Map<String, List<String>> tablesByCluster = new LinkedHashMap<>();
  private Optional<String> defaultCluster = Optional.empty();
  private int cacheSize = Options.DEFAULT_PARSE_CACHE_SIZE;
  private long timeoutMillis = Options.DEFAULT_PARSE_TIMEOUT_MILLIS;

  static TestConfigs twoClusters() {
    return new TestConfigs()
        .cluster("accounts", "users", "subscriptions", "billing.invoices")
        .cluster("content", "posts", "comments", "tags");
  }

  TestConfigs cluster(String name, String... tables) {
    tablesByCluster.put(name, List.of(tables));
    return this;
  }

  TestConfigs defaultCluster(String name) {
    defaultCluster = Optional.of(name);
    return this;
  }

  TestConfigs cacheSize(int size) {
    cacheSize = size;
    return this;
  }

  TestConfigs timeoutMillis(long millis) {
    timeoutMillis = millis;
    return this;
  }

  XClusterConfig build() {
    Map<String, ClusterConfig> clusters = new LinkedHashMap<>();
    Map<String, String> clusterByTable = new LinkedHashMap<>();
    tablesByCluster.forEach((cluster, tables) -> {
      clusters.put(cluster, new ClusterConfig(cluster, "jdbc:test:" + cluster, null, Secret.of(null), Map.of(),
          List.of()));
      tables.forEach(table -> clusterByTable.put(table, cluster));
    });
    Options options = new Options(defaultCluster, cacheSize, timeoutMillis);
    return new XClusterConfig("test", clusters, options, new TestTableMap(clusterByTable, defaultCluster));
  }

  Planner planner() {
    return new Planner(build());
  }
}
