package io.xcluster.driver.runtime;

import io.xcluster.rewriter.CatalogColumn;
import io.xcluster.rewriter.ColumnCatalog;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The columns of FROM items, cached per cluster and item text for the runtime's life (cleared when DDL runs
 * through xcluster). A miss is answered through the asking connection, so a lookup inside a transaction or
 * with a tiny pool never waits for a second connection from the same pool.
 */
final class ColumnCatalogCache {
  private final Map<String, List<CatalogColumn>> columns = new ConcurrentHashMap<>();

  ColumnCatalog through(ColumnCatalog lookup) {
    return (cluster, item) -> {
      String key = cluster + '\u0000' + item;
      List<CatalogColumn> known = columns.get(key);
      if (known != null) {
        return known;
      }
      List<CatalogColumn> found = List.copyOf(lookup.columns(cluster, item));
      columns.put(key, found);
      return found;
    };
  }

  void clear() {
    columns.clear();
  }
}
