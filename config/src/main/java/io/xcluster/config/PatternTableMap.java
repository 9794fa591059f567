package io.xcluster.config;

import io.xcluster.error.SqlState;
import io.xcluster.error.XClusterException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link TableMap} built from the clusters' {@code tables} lists. Exact entries sit in a hash map keyed by
 * the lower-cased name ({@code Locale.ROOT}); globs are pre-compiled and scanned only when no exact entry
 * matches, since an exact entry always outranks a glob.
 */
public final class PatternTableMap implements TableMap {
  private final String source;
  private final Map<String, List<TableEntry>> exact = new HashMap<>();
  private final List<TableEntry> globs = new ArrayList<>();
  private final Map<String, List<TablePattern>> byCluster = new LinkedHashMap<>();
  private final Optional<String> defaultCluster;

  /**
   * @param source the configuration's name, for messages
   * @throws IllegalArgumentException when {@code defaultCluster} is not one of {@code clusters}
   */
  public PatternTableMap(String source, Collection<ClusterConfig> clusters, Optional<String> defaultCluster) {
    this.source = source;
    this.defaultCluster = defaultCluster;
    clusters.forEach(this::add);
    if (defaultCluster.isPresent() && !byCluster.containsKey(defaultCluster.get())) {
      throw new IllegalArgumentException("defaultCluster '" + defaultCluster.get() + "' is not a cluster of " + source);
    }
  }

  private void add(ClusterConfig cluster) {
    byCluster.put(cluster.name(), cluster.tables());
    for (TablePattern pattern : cluster.tables()) {
      TableEntry entry = new TableEntry(cluster.name(), pattern);
      if (pattern.isGlob()) {
        globs.add(entry);
      } else {
        exact.computeIfAbsent(pattern.name().toLowerCase(Locale.ROOT), key -> new ArrayList<>()).add(entry);
      }
    }
  }

  @Override
  public Optional<String> lookup(TableName table) {
    BestMatch best = new BestMatch();
    List<TableEntry> named = exact.get(table.name().toLowerCase(Locale.ROOT));
    if (named != null) {
      best.consider(named, table);
    }
    if (best.isEmpty()) {
      best.consider(globs, table);
    }
    if (best.isAmbiguous()) {
      throw ambiguous(table, best);
    }
    return best.isEmpty() ? defaultCluster : Optional.of(best.cluster());
  }

  @Override
  public String clusterOf(TableName table) {
    return lookup(table).orElseThrow(() -> new XClusterException(SqlState.UNDEFINED_TABLE,
        "table '" + table + "' is not mapped to any cluster (known clusters: " + String.join(", ", byCluster.keySet())
            + "). Fix: add it to a cluster's 'tables' list in " + source + ", or set 'defaultCluster'"));
  }

  @Override
  public Optional<String> defaultCluster() {
    return defaultCluster;
  }

  private XClusterException ambiguous(TableName table, BestMatch best) {
    return new XClusterException(SqlState.AMBIGUOUS_TABLE, "table '" + table
        + "' matches " + best.first().describe() + " and " + best.rival().describe() + " equally well. Fix: in "
        + source + ", make one entry more specific (name the table exactly, qualify it with its schema or quote it)"
        + " or remove one of them");
  }

  @Override
  public String toString() {
    return "PatternTableMap[" + byCluster + ", defaultCluster=" + defaultCluster.orElse("(none)") + "]";
  }
}
