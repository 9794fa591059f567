package io.xcluster.rewriter;

import io.xcluster.config.TableMap;
import io.xcluster.config.TableName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The cluster that owns each table of a statement.
 *
 * @param byCluster each cluster's tables, clusters in order of their first table, tables in order of
 *     appearance; unmodifiable
 */
record TablePlacement(Map<String, List<TableName>> byCluster) {

  TablePlacement {
    Map<String, List<TableName>> copy = new LinkedHashMap<>();
    byCluster.forEach((cluster, tables) -> copy.put(cluster, List.copyOf(tables)));
    byCluster = Collections.unmodifiableMap(copy);
  }

  /** @throws io.xcluster.error.XClusterException from the map: an unmapped or ambiguous table */
  static TablePlacement resolve(List<TableName> tables, TableMap map) {
    Map<String, List<TableName>> byCluster = new LinkedHashMap<>();
    for (TableName table : tables) {
      byCluster.computeIfAbsent(map.clusterOf(table), cluster -> new ArrayList<>()).add(table);
    }
    return new TablePlacement(byCluster);
  }

  /** For messages: {@code users, subscriptions (cluster accounts); posts (cluster content)}. */
  String describe() {
    return byCluster.entrySet().stream()
        .map(entry -> names(entry.getValue()) + " (cluster " + entry.getKey() + ")")
        .collect(Collectors.joining("; "));
  }

  private static String names(List<TableName> tables) {
    return tables.stream().map(TableName::toString).collect(Collectors.joining(", "));
  }
}
