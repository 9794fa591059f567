package io.xcluster.rewriter.cross;

import io.xcluster.config.TableName;
import io.xcluster.rewriter.CatalogColumn;
import io.xcluster.rewriter.CrossClusterPlan;
import io.xcluster.rewriter.Dialect;
import java.util.List;
import java.util.OptionalLong;

/**
 * One item of a cross-cluster SELECT's FROM clause: a table or a single-cluster derived table.
 *
 * @param position its place in the FROM clause, 0-based
 * @param reference how columns refer to it: the alias, else the table name
 * @param referenceQuoted whether the alias (or name) was quoted, so matches case-sensitively
 * @param qualifierSql the alias (or name) as written, to qualify its columns in the cluster's query
 * @param table the table, or null for a derived table
 * @param sql the item as SQL for the cluster's query, e.g. {@code users u}
 * @param cluster the cluster that owns it
 * @param dialect that cluster's dialect
 * @param columns its columns in {@code SELECT *} order, with their types
 * @param derived for a derived table whose own tables span clusters, the plan computing its rows (its
 *     {@code cluster} is then empty); null otherwise
 * @param parameters the statement's parameters (1-based) inside {@code sql}, in textual order
 * @param rows for a table, its row-count hint from the YAML's {@code tableRows}; empty otherwise
 * @param shardKey for a table of a sharded cluster, its shard key column; empty otherwise (and for the
 *     partial aggregates of one, which are read from every shard)
 * @param sharded whether its cluster is sharded: it then runs as its own query on every shard it may reach
 * @param partial for a partial-aggregation table, its grouped query taken apart; empty otherwise
 */
record Leaf(
    int position,
    String reference,
    boolean referenceQuoted,
    String qualifierSql,
    TableName table,
    String sql,
    String cluster,
    Dialect dialect,
    List<CatalogColumn> columns,
    CrossClusterPlan derived,
    List<Integer> parameters,
    OptionalLong rows,
    java.util.Optional<String> shardKey,
    boolean sharded,
    java.util.Optional<PartialQuery> partial) {

  Leaf {
    columns = List.copyOf(columns);
    parameters = List.copyOf(parameters);
  }

  /** Whether a column qualifier names this item: exactly when either side is quoted, else ignoring case. */
  boolean answersTo(String qualifier, boolean quoted) {
    return quoted || referenceQuoted ? reference.equals(qualifier) : reference.equalsIgnoreCase(qualifier);
  }

  /**
   * The index of a column: a quoted name matches exactly; an unquoted one prefers an exact match, else the
   * first match ignoring case. -1 when the item has no such column.
   */
  int columnIndex(String name, boolean quoted) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    if (quoted) {
      return -1;
    }
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  String columnName(int index) {
    return columns.get(index).name();
  }

  boolean isDerived() {
    return derived != null;
  }

  String describe() {
    if (isDerived()) {
      return "derived table " + reference + " (across clusters)";
    }
    return table == null ? "derived table " + reference + " (cluster " + cluster + ")"
        : table + " (cluster " + cluster + ")";
  }
}
