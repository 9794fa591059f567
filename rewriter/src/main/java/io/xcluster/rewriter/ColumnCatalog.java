package io.xcluster.rewriter;

import java.util.List;

/**
 * Tells the planner which columns a FROM item has, in the order {@code SELECT *} returns them. Cross-cluster
 * plans need it to expand {@code *} and to resolve unqualified column names; the driver answers by asking
 * the cluster ({@code SELECT * FROM <item> WHERE 1 = 0}) and caching the answer.
 */
@FunctionalInterface
public interface ColumnCatalog {

  /**
   * @param cluster the cluster that owns the item
   * @param fromItemSql the item as SQL, e.g. {@code users u} or {@code (SELECT id FROM posts) p}
   * @return the columns, in order
   */
  List<CatalogColumn> columns(String cluster, String fromItemSql);

  /** For planners that never plan across clusters. */
  ColumnCatalog NONE = (cluster, item) -> {
    throw new IllegalStateException("no column catalog: cannot plan across clusters");
  };
}
