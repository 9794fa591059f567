package io.xcluster.rewriter.cross;

import io.xcluster.config.XClusterConfig;
import io.xcluster.rewriter.ColumnCatalog;
import io.xcluster.rewriter.CrossClusterPlan;
import io.xcluster.rewriter.CrossClusterPlan.Bound;
import io.xcluster.rewriter.CrossClusterPlan.Output;
import io.xcluster.rewriter.CrossClusterPlan.Slot;
import io.xcluster.rewriter.CrossClusterPlan.SortKey;
import io.xcluster.rewriter.CrossClusterPlan.Value;
import io.xcluster.rewriter.CatalogColumn;
import io.xcluster.rewriter.Dialect;
import io.xcluster.rewriter.cross.Scope.ColumnRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * Decomposes a SELECT whose tables live in several clusters into a {@link CrossClusterPlan}. What it cannot
 * decompose with certainty of the same answer as one database holding every table, it refuses
 * (FEATURE_NOT_SUPPORTED naming the construct).
 *
 * <p>Each call builds a fresh {@link Values} for the statement; the planner itself holds only the
 * configuration and the column catalog.
 */
public final class CrossClusterPlanner {
  private final XClusterConfig config;
  private final ColumnCatalog catalog;
  private final Dialect primary;

  public CrossClusterPlanner(XClusterConfig config, ColumnCatalog catalog) {
    this.config = config;
    this.catalog = catalog;
    String primaryCluster = config.tables().defaultCluster()
        .orElseGet(() -> config.clusters().keySet().iterator().next());
    this.primary = FromClause.dialectOf(config, primaryCluster);
  }

  public CrossClusterPlan plan(String sql, Statement statement) {
    return plan(sql, statement, Ctes.NONE);
  }

  /** Plans with the CTEs of enclosing statements visible (for a derived table or CTE body). */
  CrossClusterPlan plan(String sql, Statement statement, Ctes outer) {
    if (!(statement instanceof PlainSelect select)) {
      throw Refusals.construct("a set operation, VALUES or parenthesised SELECT at the top level");
    }
    refuseClauses(select);
    Ctes visible = outer.with(select);
    SemiJoins.rewrite(select, inner -> collatedKeys(inner, visible));
    ScalarSubqueries.rewrite(select, primary);
    Map<Function, PartialAggregation.Combine> combines =
        PartialAggregation.rewrite(select, config, catalog, outer.with(select));
    FromClause from = FromClause.of(select, config, catalog, outer.with(select));
    ScalarSubqueries.checkGroupedKeys(from.leaves);
    Scope scope = new Scope(from.leaves);
    boolean grouped = AggregatePlanner.needed(select);
    JoinOrder order = JoinOrder.of(from, scope, select.getWhere(),
        grouped ? java.util.Set.of() : sortLeaves(select, scope));
    Values values = new Values(scope, order, primary);
    if (grouped) {
      return planGrouped(sql, select, scope, values, combines);
    }
    List<Values.Pending> outputs = new ArrayList<>();
    List<Optional<String>> labels = new ArrayList<>();
    for (SelectItem<?> item : select.getSelectItems()) {
      addOutputs(item, values, scope, outputs, labels);
    }
    List<PendingSort> sort = sortKeys(select, values, outputs, labels);
    return values.finish(sql, outputs, labels, sort, select.getDistinct() != null,
        limit(select), offset(select));
  }

  /**
   * Whether a subquery's keys (xc_k1, xc_k2...) go whole to a MySQL cluster as text, or of a type its catalog
   * does not tell: there DISTINCT follows the column's collation, which may take 'a' and 'A' for one value.
   */
  private boolean collatedKeys(PlainSelect inner, Ctes ctes) {
    Optional<String> cluster = FromClause.wholeCluster(inner, config, ctes);
    if (cluster.isEmpty() || FromClause.dialectOf(config, cluster.get()) != Dialect.MYSQL) {
      return false;
    }
    String probe = Quoting.forDialect("(" + inner + ") xc_probe", Dialect.MYSQL);
    return catalog.columns(cluster.get(), probe).stream().anyMatch(column -> column.name().startsWith("xc_k")
        && column.kind().map(kind -> kind == io.xcluster.rewriter.eval.ValueKind.TEXT).orElse(true));
  }

  /** The FROM items the ORDER BY reads (through ordinals and aliases too); unresolvable names are skipped. */
  private static java.util.Set<Integer> sortLeaves(PlainSelect select, Scope scope) {
    java.util.Set<Integer> leaves = new java.util.TreeSet<>();
    if (select.getOrderByElements() == null) {
      return leaves;
    }
    for (OrderByElement element : select.getOrderByElements()) {
      Expression key = selectItemFor(element.getExpression(), select);
      ExpressionFacts facts = ExpressionFacts.of(key);
      for (Column column : facts.columns) {
        try {
          Scope.ColumnRef ref = scope.resolveOrNull(column);
          if (ref != null) {
            leaves.add(ref.leaf());
          }
        } catch (io.xcluster.error.XClusterException unresolved) {
          // the real resolution later reports it
        }
      }
    }
    return leaves;
  }

  private static Expression selectItemFor(Expression key, PlainSelect select) {
    List<SelectItem<?>> items = select.getSelectItems();
    if (key instanceof LongValue ordinal && ordinal.getValue() >= 1 && ordinal.getValue() <= items.size()) {
      return items.get((int) ordinal.getValue() - 1).getExpression();
    }
    if (key instanceof Column column && column.getTable() == null) {
      for (SelectItem<?> item : items) {
        if (item.getAlias() != null && Identifier.of(item.getAlias().getName()).text()
            .equalsIgnoreCase(Identifier.of(column.getColumnName()).text())) {
          return item.getExpression();
        }
      }
    }
    return key;
  }

  /**
   * A SELECT with GROUP BY, HAVING or aggregates: the joins and WHERE as usual, then grouping in memory; the
   * SELECT list, HAVING and ORDER BY read the grouped rows.
   */
  private CrossClusterPlan planGrouped(String sql, PlainSelect select, Scope scope, Values values,
      Map<Function, PartialAggregation.Combine> combines) {
    AggregatePlanner grouping = new AggregatePlanner(select, scope, values, primary, combines);
    List<Output> outputs = new ArrayList<>();
    for (SelectItem<?> item : select.getSelectItems()) {
      Expression expression = item.getExpression();
      if (expression instanceof AllColumns || expression instanceof AllTableColumns) {
        throw Refusals.construct("SELECT * together with GROUP BY or aggregates");
      }
      Value value = grouping.value(expression);
      Optional<String> label = groupedLabel(item.getAlias(), expression, value, grouping);
      outputs.add(new Output(value, label, grouping.column(value, label.orElse(expression.toString()))));
    }
    List<Value> having = select.getHaving() == null ? List.of() : List.of(grouping.value(select.getHaving()));
    List<SortKey> sort = new ArrayList<>();
    if (select.getOrderByElements() != null) {
      for (OrderByElement element : select.getOrderByElements()) {
        Value value = groupedSortValue(element.getExpression(), outputs, grouping);
        boolean nullsFirst = element.getNullOrdering() == null ? primary.nullsFirst(element.isAsc())
            : element.getNullOrdering() == OrderByElement.NullOrdering.NULLS_FIRST;
        sort.add(new SortKey(value, element.isAsc(), nullsFirst));
      }
    }
    if (select.getDistinct() != null
        && sort.stream().anyMatch(k -> outputs.stream().noneMatch(o -> o.value().equals(k.value())))) {
      throw new io.xcluster.error.XClusterException(io.xcluster.error.SqlState.SYNTAX_ERROR,
          "for SELECT DISTINCT, ORDER BY expressions must appear in the select list");
    }
    return values.finishGrouped(sql, grouping, outputs, having, sort, select.getDistinct() != null,
        limit(select), offset(select));
  }

  /** An alias folds as the primary cluster folds it; a GROUP BY column keeps its cluster's label. */
  private Optional<String> groupedLabel(Alias alias, Expression expression, Value value, AggregatePlanner grouping) {
    if (alias != null) {
      Identifier name = Identifier.of(alias.getName());
      return Optional.of(name.quoted() ? name.text() : primary.foldUnquoted(name.text()));
    }
    boolean keyColumn = expression instanceof Column && value instanceof Slot slot && slot.slot() < grouping.keyCount();
    return keyColumn ? Optional.empty() : Optional.of(grouping.defaultLabel(expression));
  }

  private static Value groupedSortValue(Expression expression, List<Output> outputs, AggregatePlanner grouping) {
    if (expression instanceof LongValue ordinal) {
      long position = ordinal.getValue();
      if (position < 1 || position > outputs.size()) {
        throw new io.xcluster.error.XClusterException(io.xcluster.error.SqlState.SYNTAX_ERROR,
            "ORDER BY position " + position + " is not in select list");
      }
      return outputs.get((int) position - 1).value();
    }
    if (expression instanceof Column column && column.getTable() == null) {
      Identifier name = Identifier.of(column.getColumnName());
      for (Output output : outputs) {
        if (output.label().isPresent() && (name.quoted() ? output.label().get().equals(name.text())
            : output.label().get().equalsIgnoreCase(name.text()))) {
          return output.value();
        }
      }
    }
    return grouping.value(expression);
  }

  private static void refuseClauses(PlainSelect select) {
    if (select.getFromItem() == null) {
      throw Refusals.construct("a SELECT without FROM whose subqueries read tables of several clusters");
    }
    if (select.getForMode() != null || select.getForClause() != null) {
      throw Refusals.construct("FOR UPDATE / FOR SHARE (rows of several clusters cannot be locked atomically)");
    }
    if (select.getIntoTables() != null || select.getTop() != null || select.getQualify() != null
        || select.getLateralViews() != null || select.getWindowDefinitions() != null) {
      throw Refusals.construct("INTO, TOP, QUALIFY, LATERAL VIEW or WINDOW clauses");
    }
    if (select.getDistinct() != null && select.getDistinct().getOnSelectItems() != null) {
      throw Refusals.construct("DISTINCT ON");
    }
  }

  private void addOutputs(SelectItem<?> item, Values values, Scope scope, List<Values.Pending> outputs,
      List<Optional<String>> labels) {
    Expression expression = item.getExpression();
    if (expression instanceof AllTableColumns table) {
      Column qualifier = new Column(table.getTable(), "*");
      Leaf leaf = scope.leaves().stream()
          .filter(l -> l.answersTo(Identifier.of(table.getTable().getName()).text(),
              Identifier.of(table.getTable().getName()).quoted()))
          .findFirst().orElseThrow(() -> Refusals.construct("an unknown table in " + qualifier));
      addAllColumns(leaf, values, outputs, labels);
    } else if (expression instanceof AllColumns) {
      scope.leaves().stream().filter(leaf -> !SemiJoins.added(leaf) && !ScalarSubqueries.added(leaf))
          .forEach(leaf -> addAllColumns(leaf, values, outputs, labels));
    } else {
      Values.Pending value = values.of(expression);
      outputs.add(value);
      labels.add(label(item.getAlias(), value, expression, values));
    }
  }

  private static void addAllColumns(Leaf leaf, Values values, List<Values.Pending> outputs,
      List<Optional<String>> labels) {
    for (int i = 0; i < leaf.columns().size(); i++) {
      outputs.add(values.column(new ColumnRef(leaf.position(), i)));
      labels.add(Optional.empty());
    }
  }

  /** An alias folds as its cluster folds it; an unaliased in-memory expression gets the primary's label. */
  private Optional<String> label(Alias alias, Values.Pending value, Expression expression, Values values) {
    Dialect dialect = values.dialectOf(value);
    if (alias != null) {
      Identifier name = Identifier.of(alias.getName());
      return Optional.of(name.quoted() ? name.text() : dialect.foldUnquoted(name.text()));
    }
    return value instanceof Values.PendingComputed ? Optional.of(DefaultLabels.of(expression, primary))
        : Optional.empty();
  }

  record PendingSort(Values.Pending value, boolean ascending, boolean nullsFirst) {}

  private List<PendingSort> sortKeys(PlainSelect select, Values values, List<Values.Pending> outputs,
      List<Optional<String>> labels) {
    List<PendingSort> keys = new ArrayList<>();
    if (select.getOrderByElements() == null) {
      return keys;
    }
    for (OrderByElement element : select.getOrderByElements()) {
      Values.Pending value = sortValue(element.getExpression(), values, outputs, labels);
      boolean ascending = element.isAsc();
      boolean nullsFirst = switch (element.getNullOrdering() == null ? "" : element.getNullOrdering().name()) {
        case "NULLS_FIRST" -> true;
        case "NULLS_LAST" -> false;
        default -> values.dialectOf(value).nullsFirst(ascending);
      };
      keys.add(new PendingSort(value, ascending, nullsFirst));
    }
    if (select.getDistinct() != null && keys.stream().anyMatch(k -> !outputs.contains(k.value()))) {
      throw new io.xcluster.error.XClusterException(io.xcluster.error.SqlState.SYNTAX_ERROR,
          "for SELECT DISTINCT, ORDER BY expressions must appear in the select list");
    }
    return keys;
  }

  /** An ordinal, an output alias, or an expression over the FROM items (as PostgreSQL resolves them). */
  private static Values.Pending sortValue(Expression expression, Values values, List<Values.Pending> outputs,
      List<Optional<String>> labels) {
    if (expression instanceof LongValue ordinal) {
      long position = ordinal.getValue();
      if (position < 1 || position > outputs.size()) {
        throw new io.xcluster.error.XClusterException(io.xcluster.error.SqlState.SYNTAX_ERROR,
            "ORDER BY position " + position + " is not in select list");
      }
      return outputs.get((int) position - 1);
    }
    if (expression instanceof Column column && column.getTable() == null) {
      Identifier name = Identifier.of(column.getColumnName());
      for (int i = 0; i < labels.size(); i++) {
        String label = labels.get(i).orElse(null);
        if (label != null && (name.quoted() ? label.equals(name.text()) : label.equalsIgnoreCase(name.text()))) {
          return outputs.get(i);
        }
      }
    }
    return values.of(expression);
  }

  static Optional<Bound> limit(net.sf.jsqlparser.statement.select.Select select) {
    Limit limit = select.getLimit();
    if (limit != null && limit.getRowCount() != null) {
      return bound(limit.getRowCount(), "LIMIT");
    }
    if (select.getFetch() != null) {
      Expression count = select.getFetch().getExpression();
      return count == null ? Optional.of(Bound.of(select.getFetch().getRowCount())) : bound(count, "FETCH FIRST");
    }
    return Optional.empty();
  }

  static Optional<Bound> offset(net.sf.jsqlparser.statement.select.Select select) {
    if (select.getLimit() != null && select.getLimit().getOffset() != null) {
      return bound(select.getLimit().getOffset(), "OFFSET");
    }
    if (select.getOffset() != null) {
      return bound(select.getOffset().getOffset(), "OFFSET");
    }
    return Optional.empty();
  }

  private static Optional<Bound> bound(Expression value, String clause) {
    if (value instanceof LongValue number) {
      return Optional.of(Bound.of(number.getValue()));
    }
    if (value instanceof JdbcParameter parameter && !parameter.isUseFixedIndex()) {
      return Optional.of(Bound.parameter(parameter.getIndex()));
    }
    if (value instanceof net.sf.jsqlparser.expression.NullValue || value instanceof net.sf.jsqlparser.expression.AllValue) {
      return Optional.empty();
    }
    throw Refusals.construct(clause + " " + value + " (only a number or a ? parameter)");
  }

  /** For PlanOutputs: the sort keys resolved to plan values. */
  static List<SortKey> sortKeys(List<PendingSort> keys, Values values) {
    return keys.stream().map(k -> new SortKey(values.resolve(k.value()), k.ascending(), k.nullsFirst())).toList();
  }

  static List<Output> outputs(List<Values.Pending> outputs, List<Optional<String>> labels, Values values) {
    List<Output> resolved = new ArrayList<>();
    for (int i = 0; i < outputs.size(); i++) {
      resolved.add(new Output(values.resolve(outputs.get(i)), labels.get(i),
          values.describe(outputs.get(i), labels.get(i))));
    }
    return resolved;
  }
}
