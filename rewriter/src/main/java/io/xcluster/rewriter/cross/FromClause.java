package io.xcluster.rewriter.cross;

import io.xcluster.config.TableName;
import io.xcluster.config.XClusterConfig;
import io.xcluster.rewriter.CatalogColumn;
import io.xcluster.rewriter.ColumnCatalog;
import io.xcluster.rewriter.CrossClusterPlan;
import io.xcluster.rewriter.Dialect;
import io.xcluster.rewriter.analysis.Analysis;
import io.xcluster.rewriter.analysis.TableNames;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.schema.Table;

/**
 * The FROM clause of a cross-cluster SELECT as a left-deep sequence: item 0, then each further item with
 * the kind of join that brings it in and its ON condition. Tables and single-cluster derived tables are
 * supported; anything else is refused by name.
 */
final class FromClause {

  enum JoinType { INNER, LEFT, RIGHT, FULL }

  /** How item {@code i} (i >= 1) joins the items before it; {@code on} is null for comma and CROSS joins. */
  record JoinSpec(JoinType type, Expression on) {}

  final List<Leaf> leaves;
  final List<JoinSpec> joins;

  private FromClause(List<Leaf> leaves, List<JoinSpec> joins) {
    this.leaves = List.copyOf(leaves);
    this.joins = List.copyOf(joins);
  }

  static FromClause of(PlainSelect select, XClusterConfig config, ColumnCatalog catalog, Ctes ctes) {
    List<Leaf> leaves = new ArrayList<>();
    List<JoinSpec> joins = new ArrayList<>();
    leaves.add(leaf(0, select.getFromItem(), config, catalog, ctes));
    List<Join> written = select.getJoins() == null ? List.of() : select.getJoins();
    for (Join join : written) {
      joins.add(new JoinSpec(typeOf(join), on(join)));
      leaves.add(leaf(leaves.size(), join.getRightItem(), config, catalog, ctes));
    }
    return new FromClause(leaves, joins);
  }

  boolean hasOuterJoin() {
    return joins.stream().anyMatch(join -> join.type() != JoinType.INNER);
  }

  private static JoinType typeOf(Join join) {
    if (join.isNatural() || !join.getUsingColumns().isEmpty() || join.isApply() || join.isSemi()
        || join.isWindowJoin() || join.isAsOf() || join.isArray() || join.isFetch() || join.isAny() || join.isAll()) {
      throw Refusals.construct("the join '" + join + "' (NATURAL, USING, APPLY, SEMI and similar joins)");
    }
    if (join.isLeft()) {
      return JoinType.LEFT;
    }
    if (join.isRight()) {
      return JoinType.RIGHT;
    }
    if (join.isFull()) {
      return JoinType.FULL;
    }
    return JoinType.INNER;
  }

  private static Expression on(Join join) {
    var conditions = join.getOnExpressions();
    if (conditions == null || conditions.isEmpty()) {
      return null;
    }
    if (conditions.size() > 1) {
      throw Refusals.construct("a join with several ON clauses: " + join);
    }
    return conditions.iterator().next();
  }

  private static Leaf leaf(int position, FromItem item, XClusterConfig config, ColumnCatalog catalog, Ctes ctes) {
    if (item instanceof Table table && table.getSchemaName() == null && ctes.body(table.getName()).isPresent()) {
      ParenthesedSelect inlined = new ParenthesedSelect();
      inlined.setSelect(ctes.body(table.getName()).get().getSelect());
      inlined.setAlias(table.getAlias() != null ? table.getAlias() : new Alias(table.getName()));
      return derivedLeaf(position, inlined, config, catalog, ctes);
    }
    if (item instanceof Table table) {
      return tableLeaf(position, table, config, catalog);
    }
    if (item instanceof ParenthesedSelect derived && derived.getAlias() != null) {
      return derivedLeaf(position, derived, config, catalog, ctes);
    }
    throw Refusals.construct("the FROM item '" + item + "' (only tables and aliased single-cluster subqueries"
        + " can be joined across clusters)");
  }

  private static Leaf tableLeaf(int position, Table table, XClusterConfig config, ColumnCatalog catalog) {
    TableName name = TableNames.of(table);
    String cluster = config.tables().clusterOf(name);
    Alias alias = table.getAlias();
    String qualifier = alias != null ? alias.getName() : table.getName();
    Identifier reference = Identifier.of(qualifier);
    String sql = Quoting.forDialect(table.toString(), dialectOf(config, cluster));
    var sharding = config.cluster(cluster).sharding();
    return new Leaf(position, reference.text(), reference.quoted(), qualifier, name, sql, cluster,
        dialectOf(config, cluster), catalog.columns(cluster, sql), null, List.of(),
        config.cluster(cluster).rowsOf(name), sharding.flatMap(s -> s.keyOf(cluster, name)), sharding.isPresent(),
        java.util.Optional.empty());
  }

  private static Leaf derivedLeaf(int position, ParenthesedSelect derived, XClusterConfig config,
      ColumnCatalog catalog, Ctes ctes) {
    Set<String> clusters = new LinkedHashSet<>();
    boolean readsCte = false;
    for (TableName table : Analysis.of(derived.getSelect()).tables()) {
      if (table.schema() == null && ctes.body(table.name()).isPresent()) {
        readsCte = true;
      } else {
        clusters.add(config.tables().clusterOf(table));
      }
    }
    Identifier reference = Identifier.of(derived.getAlias().getName());
    if (clusters.isEmpty() && !readsCte) {
      throw Refusals.construct("the derived table " + derived.getAlias().getName() + ", which reads no table");
    }
    boolean sharded = !clusters.isEmpty() && config.cluster(clusters.iterator().next()).isSharded();
    boolean perShard = derived instanceof PartialAggregation.PartialTable
        || (sharded && groupedByShardKey(derived, config, clusters.iterator().next()));
    if (clusters.size() > 1 || readsCte || (sharded && !perShard)) {
      // a derived table of a sharded cluster is computed like one spanning clusters: per shard it would be wrong
      return spanningLeaf(position, derived, reference, config, catalog, ctes);
    }
    String cluster = clusters.iterator().next();
    Dialect dialect = dialectOf(config, cluster);
    String sql = Quoting.forDialect(derived.toString(), dialect);
    var partial = derived instanceof PartialAggregation.PartialTable && derived.getSelect() instanceof PlainSelect inner
        ? PartialQuery.of(inner, dialect) : java.util.Optional.<PartialQuery>empty();
    return new Leaf(position, reference.text(), reference.quoted(), derived.getAlias().getName(), null, sql, cluster,
        dialect, catalog.columns(cluster, sql), null, ParameterOrder.of(derived),
        java.util.OptionalLong.empty(), java.util.Optional.empty(), sharded, partial);
  }

  /**
   * A grouped SELECT of one table of a sharded cluster whose GROUP BY holds the table's shard key: every group
   * lives on one shard, so each shard computes its own groups whole (no LIMIT, window or subquery inside).
   */
  private static boolean groupedByShardKey(ParenthesedSelect derived, XClusterConfig config, String cluster) {
    if (!(derived.getSelect() instanceof PlainSelect inner) || !(inner.getFromItem() instanceof Table table)
        || (inner.getJoins() != null && !inner.getJoins().isEmpty()) || inner.getGroupBy() == null
        || inner.getLimit() != null || inner.getOffset() != null || inner.getFetch() != null
        || inner.getDistinct() != null && inner.getDistinct().getOnSelectItems() != null) {
      return false;
    }
    String text = inner.toString().toLowerCase(java.util.Locale.ROOT);
    if (text.split("\\bselect\\b", -1).length != 2 || text.contains(" over")) {
      return false;
    }
    java.util.Optional<String> key = config.cluster(cluster).sharding()
        .flatMap(sharding -> sharding.keyOf(cluster, TableNames.of(table)));
    var groups = inner.getGroupBy().getGroupByExpressionList();
    return key.isPresent() && groups != null && groups.stream()
        .anyMatch(group -> group instanceof net.sf.jsqlparser.schema.Column column
            && ShardPins.named(key.get()).test(column));
  }

  /** A derived table whose own tables span clusters: planned like any SELECT, its rows computed first. */
  private static Leaf spanningLeaf(int position, ParenthesedSelect derived, Identifier reference,
      XClusterConfig config, ColumnCatalog catalog, Ctes ctes) {
    if (derived.getAlias().getAliasColumns() != null && !derived.getAlias().getAliasColumns().isEmpty()) {
      throw Refusals.construct("column aliases on the derived table " + derived.getAlias());
    }
    CrossClusterPlan plan = new CrossClusterPlanner(config, catalog).plan(derived.getSelect().toString(),
        derived.getSelect(), ctes);
    List<CatalogColumn> columns = plan.outputs().stream().map(CrossClusterPlan.Output::column).toList();
    return new Leaf(position, reference.text(), reference.quoted(), derived.getAlias().getName(), null,
        derived.toString(), "", primaryDialect(config), columns, plan, List.of(), java.util.OptionalLong.empty(),
        java.util.Optional.empty(), false, java.util.Optional.empty());
  }

  /**
   * The one cluster a subquery reads, when it reads one unsharded cluster's tables and no CTE: where it is sent
   * whole.
   */
  static java.util.Optional<String> wholeCluster(PlainSelect select, XClusterConfig config, Ctes ctes) {
    Set<String> clusters = new LinkedHashSet<>();
    for (TableName table : Analysis.of(select).tables()) {
      if (table.schema() == null && ctes.body(table.name()).isPresent()) {
        return java.util.Optional.empty();
      }
      clusters.add(config.tables().clusterOf(table));
    }
    boolean one = clusters.size() == 1 && !config.cluster(clusters.iterator().next()).isSharded();
    return one ? java.util.Optional.of(clusters.iterator().next()) : java.util.Optional.empty();
  }

  static Dialect primaryDialect(XClusterConfig config) {
    String primary = config.tables().defaultCluster()
        .orElseGet(() -> config.clusters().keySet().iterator().next());
    return dialectOf(config, primary);
  }

  static Dialect dialectOf(XClusterConfig config, String cluster) {
    return Dialect.ofUrl(config.cluster(cluster).url());
  }
}
