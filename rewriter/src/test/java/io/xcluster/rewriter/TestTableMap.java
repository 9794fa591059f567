package io.xcluster.rewriter;

import io.xcluster.config.TableMap;
import io.xcluster.config.TableName;
import io.xcluster.error.SqlState;
import io.xcluster.error.XClusterException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A test-only {@link TableMap}: entries are {@code name} or {@code schema.name}, matched ignoring case; a
 * qualified table tries its qualified entry first, then its bare name.
 */
record TestTableMap(Map<String, String> clusterByTable, Optional<String> defaultCluster) implements TableMap {

  @Override
  public Optional<String> lookup(TableName table) {
    String name = table.name().toLowerCase(Locale.ROOT);
    String qualified = table.schema() == null ? name : table.schema().toLowerCase(Locale.ROOT) + "." + name;
    return Optional.ofNullable(clusterByTable.get(qualified))
        .or(() -> Optional.ofNullable(clusterByTable.get(name)))
        .or(() -> defaultCluster);
  }

  @Override
  public String clusterOf(TableName table) {
    return lookup(table).orElseThrow(() -> new XClusterException(SqlState.UNDEFINED_TABLE,
        "table " + table + " is not mapped to any cluster. Fix: add it to a cluster's tables"));
  }
}
