package io.xcluster.rewriter.cross;

import io.xcluster.config.XClusterConfig;
import io.xcluster.error.XClusterException;
import io.xcluster.rewriter.CatalogColumn;
import io.xcluster.rewriter.ColumnCatalog;
import io.xcluster.rewriter.Dialect;
import io.xcluster.rewriter.analysis.TableNames;
import io.xcluster.rewriter.eval.ValueKind;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * Partial aggregation pushed to a cluster: in a grouped SELECT of inner joins, a table T that is its cluster's
 * only table, joined by equalities on its columns {@code k...}, whose other columns appear only in its own
 * filters and inside COUNT / SUM / MIN / MAX, is replaced by {@code (SELECT k..., COUNT(*) AS xc_a1, SUM(t.x) AS
 * xc_a2 ... FROM T t WHERE <its filters> GROUP BY k...) t}. The cluster then ships one row per key instead of
 * one per row, and the aggregates combine the partial results: COUNT as the sum of counts (0 over no rows),
 * SUM as the sum of sums, MIN/MAX as the extreme of extremes, AVG of exact numbers as the sum of sums over the
 * sum of counts ({@value #AVG_OF_SUMS}), each with the original aggregate's result type.
 *
 * <p>Exact because every joined row pairs one row of T with one combination of the other tables: summing T's
 * per-key counts over those combinations counts the joined rows. Not applied (the rows are then shipped raw):
 * outer joins, DISTINCT aggregates, SUM and AVG of floating values (their sum depends on the order of
 * additions), MIN/MAX of text (the cluster's collation), aggregates over other tables' columns, unqualified
 * columns, text keys on MySQL (its collation may group values the in-memory join tells apart).
 *
 * <p>It changes the parsed statement in place; that statement serves only this planning.
 */
final class PartialAggregation {
  private static final Set<String> EXACT = Set.of("int2", "int4", "int8", "numeric");

  /** The plan's function for an AVG whose call reads two partial columns: the sums, then the counts. */
  static final String AVG_OF_SUMS = "AVG_OF_SUMS";

  /** How the planner must combine a rewritten aggregate call: its function in the plan and result type. */
  record Combine(String function, String typeName) {}

  private final PlainSelect select;
  private final XClusterConfig config;
  private final ColumnCatalog catalog;
  private final Ctes ctes;

  private PartialAggregation(PlainSelect select, XClusterConfig config, ColumnCatalog catalog, Ctes ctes) {
    this.select = select;
    this.config = config;
    this.catalog = catalog;
    this.ctes = ctes;
  }

  /** Rewrites {@code select} when a table qualifies; answers the combine rule of each rewritten call. */
  static Map<Function, Combine> rewrite(PlainSelect select, XClusterConfig config, ColumnCatalog catalog,
      Ctes ctes) {
    boolean joined = select.getJoins() != null && !select.getJoins().isEmpty();
    if (!AggregatePlanner.needed(select) || (!joined && !shardedTable(select, config, ctes))
        || (joined && select.getJoins().stream().anyMatch(join -> !plainInner(join)))) {
      return Map.of();
    }
    PartialAggregation rewrite = new PartialAggregation(select, config, catalog, ctes);
    List<Table> tables = rewrite.tables();
    if (tables.isEmpty()) {
      return Map.of();
    }
    // The last items first: the many side of a join (posts of users) is usually written last.
    for (int i = tables.size() - 1; i >= 0; i--) {
      Table candidate = tables.get(i);
      Optional<Map<Function, Combine>> done = rewrite.tryPushing(candidate, tables);
      if (done.isPresent()) {
        return done.get();
      }
    }
    return Map.of();
  }

  /** A single table of a sharded cluster: each shard groups its own rows, and the combine merges the shards'. */
  private static boolean shardedTable(PlainSelect select, XClusterConfig config, Ctes ctes) {
    if (!(select.getFromItem() instanceof Table table)
        || (table.getSchemaName() == null && ctes.body(table.getName()).isPresent())) {
      return false;
    }
    try {
      return config.cluster(config.tables().clusterOf(TableNames.of(table))).isSharded();
    } catch (XClusterException unmapped) {
      return false;
    }
  }

  /**
   * The derived table that computes one table's partial aggregates: its rows may be read from several shards
   * (or key batches) and concatenated, since the combine re-aggregates them.
   */
  static final class PartialTable extends ParenthesedSelect {}

  private static boolean plainInner(Join join) {
    return !join.isLeft() && !join.isRight() && !join.isFull() && !join.isOuter() && !join.isNatural()
        && !join.isCross() && !join.isApply()
        && (join.getUsingColumns() == null || join.getUsingColumns().isEmpty())
        && join.getOnExpressions() != null && join.getOnExpressions().size() == 1;
  }

  /** The FROM items, when all are mapped tables (no derived table, CTE or unmapped name); else empty. */
  private List<Table> tables() {
    List<FromItem> items = new ArrayList<>();
    items.add(select.getFromItem());
    if (select.getJoins() != null) {
      select.getJoins().forEach(join -> items.add(join.getRightItem()));
    }
    List<Table> tables = new ArrayList<>();
    for (FromItem item : items) {
      if (!(item instanceof Table table) || (table.getSchemaName() == null && ctes.body(table.getName()).isPresent())) {
        return List.of();
      }
      tables.add(table);
    }
    return tables;
  }

  private String clusterOf(Table table) {
    return config.tables().clusterOf(TableNames.of(table));
  }

  private Optional<Map<Function, Combine>> tryPushing(Table candidate, List<Table> tables) {
    String cluster;
    try {
      cluster = clusterOf(candidate);
      for (Table other : tables) {
        if (other != candidate && clusterOf(other).equals(cluster)) {
          return Optional.empty();
        }
      }
    } catch (XClusterException unmapped) {
      return Optional.empty();
    }
    String name = referenceOf(candidate);
    Dialect dialect = FromClause.dialectOf(config, cluster);
    List<CatalogColumn> columns = catalog.columns(cluster, Quoting.forDialect(candidate.toString(), dialect));
    Pushdown pushdown = new Pushdown(name, columns, dialect);
    if (!pushdown.analyse()) {
      return Optional.empty();
    }
    return Optional.of(pushdown.apply(candidate));
  }

  private static String referenceOf(Table table) {
    String written = table.getAlias() != null ? table.getAlias().getName() : table.getName();
    return Identifier.of(written).text().toLowerCase(Locale.ROOT);
  }

  /** The analysis and rewrite for one candidate table, called {@code name} in the query. */
  /** Whether the statement answers as MySQL does (its default cluster is MySQL): its aggregates' result types. */
  private boolean mysqlAnswer() {
    return FromClause.primaryDialect(config) == Dialect.MYSQL;
  }

  private List<Join> joins() {
    return select.getJoins() == null ? List.of() : select.getJoins();
  }

  private final class Pushdown {
    private final String name;
    private final List<CatalogColumn> columns;
    private final Dialect dialect;
    private final Set<String> keys = new LinkedHashSet<>();
    /** The table is the statement's only one (a sharded table): its GROUP BY columns are the keys. */
    private final boolean alone = joins().isEmpty();
    private final List<Expression> ownFilters = new ArrayList<>();
    private final Map<String, Function> partials = new LinkedHashMap<>();
    private final Map<Function, List<String>> partialOf = new IdentityHashMap<>();
    private final Map<Function, Combine> combines = new IdentityHashMap<>();

    Pushdown(String name, List<CatalogColumn> columns, Dialect dialect) {
      this.name = name;
      this.columns = columns;
      this.dialect = dialect;
    }

    boolean analyse() {
      List<Expression> conditions = new ArrayList<>();
      if (select.getWhere() != null) {
        conditions.addAll(SemiJoins.conjuncts(select.getWhere()));
      }
      joins().forEach(join -> conditions.addAll(SemiJoins.conjuncts(join.getOnExpression())));
      for (Expression condition : conditions) {
        if (!classify(condition)) {
          return false;
        }
      }
      if (alone && !groupKeys()) {
        return false;
      }
      if ((keys.isEmpty() && !alone) || keys.stream().anyMatch(key -> !keyAllowed(key))) {
        return false;
      }
      if (select.getGroupBy() != null) {
        for (Object key : select.getGroupBy().getGroupByExpressionList()) {
          if (!outsideAggregatesClean((Expression) key)) {
            return false;
          }
        }
      }
      for (Expression expression : aggregatedExpressions()) {
        if (!outsideAggregatesClean(expression)) {
          return false;
        }
        for (Function call : aggregatesIn(expression)) {
          if (!plan(call)) {
            return false;
          }
        }
      }
      return !partialOf.isEmpty();
    }

    /** For the only table: every GROUP BY item must be one of its columns, which become the keys. */
    private boolean groupKeys() {
      if (select.getGroupBy() == null) {
        return true;
      }
      for (Object key : select.getGroupBy().getGroupByExpressionList()) {
        if (!(key instanceof Column column) || !isOwn(column)) {
          return false;
        }
        keys.add(Identifier.of(column.getColumnName()).text());
      }
      return true;
    }

    /** Own filter, join key equality, or a condition on other tables only; false for anything else on T. */
    private boolean classify(Expression condition) {
      ExpressionFacts facts = ExpressionFacts.of(condition);
      if (!alone && facts.columns.stream().anyMatch(c -> c.getTable() == null || c.getTable().getName() == null)) {
        return false;
      }
      long own = facts.columns.stream().filter(this::isOwn).count();
      if (own == 0) {
        return facts.unsupported == null;
      }
      if (own == facts.columns.size() && facts.unsupported == null) {
        ownFilters.add(condition);
        return true;
      }
      if (condition instanceof EqualsTo equals && equals.getLeftExpression() instanceof Column left
          && equals.getRightExpression() instanceof Column right && isOwn(left) != isOwn(right)) {
        keys.add(Identifier.of((isOwn(left) ? left : right).getColumnName()).text());
        return true;
      }
      return false;
    }

    private boolean isOwn(Column column) {
      if (alone && (column.getTable() == null || column.getTable().getName() == null)) {
        return true;
      }
      return column.getTable() != null && column.getTable().getName() != null
          && Identifier.of(column.getTable().getName()).text().toLowerCase(Locale.ROOT).equals(name);
    }

    private boolean keyAllowed(String key) {
      Optional<CatalogColumn> column = column(key);
      return column.isPresent() && column.get().kind().isPresent()
          && !(dialect == Dialect.MYSQL && column.get().kind().get() == ValueKind.TEXT);
    }

    private Optional<CatalogColumn> column(String columnName) {
      return columns.stream().filter(c -> c.name().equalsIgnoreCase(columnName)).findFirst();
    }

    /** The SELECT list, HAVING and ORDER BY: where aggregates may stand. */
    private List<Expression> aggregatedExpressions() {
      List<Expression> expressions = new ArrayList<>();
      for (SelectItem<?> item : select.getSelectItems()) {
        expressions.add(item.getExpression());
      }
      if (select.getHaving() != null) {
        expressions.add(select.getHaving());
      }
      if (select.getOrderByElements() != null) {
        select.getOrderByElements().stream().map(OrderByElement::getExpression).forEach(expressions::add);
      }
      return expressions;
    }

    /** Whether an expression names no column of T outside aggregate calls, and no unqualified column. */
    private boolean outsideAggregatesClean(Expression expression) {
      if (expression instanceof AllColumns) {
        return false;
      }
      if (alone) {
        // the only table's grouping columns stay readable: the derived table selects them under their names
        return ExpressionFacts.of(expression).columns.stream()
            .allMatch(column -> keys.contains(Identifier.of(column.getColumnName()).text()));
      }
      return ExpressionFacts.of(expression).columns.stream()
          .noneMatch(column -> column.getTable() == null || column.getTable().getName() == null || isOwn(column));
    }

    /** Registers the partial aggregate for one call; false when the call cannot be combined. */
    private boolean plan(Function call) {
      String function = call.getName().toUpperCase(Locale.ROOT);
      if (call.isDistinct() || call.getKeep() != null || call.getOrderByElements() != null
          || call.getNullHandling() != null || call.getHavingClause() != null) {
        return false;
      }
      boolean star = call.isAllColumns() || call.getParameters() == null
          || (call.getParameters().size() == 1 && call.getParameters().get(0) instanceof AllColumns);
      if (star) {
        Function count = new Function("COUNT");
        count.setParameters(new ExpressionList<>(new AllColumns()));
        return function.equals("COUNT") && register(call, "COUNT(*)", count, new Combine("SUM0", "int8"));
      }
      if (call.getParameters().size() != 1 || !(call.getParameters().get(0) instanceof Column argument)
          || !isOwn(argument)) {
        return false;
      }
      Optional<CatalogColumn> column = column(Identifier.of(argument.getColumnName()).text());
      if (column.isEmpty() || column.get().kind().isEmpty()) {
        return false;
      }
      String type = column.get().typeName();
      ValueKind kind = column.get().kind().get();
      String partial = function + "(" + argument + ")";
      Function computed = new Function(function, new Column(argument.getTable(), argument.getColumnName()));
      return switch (function) {
        case "COUNT" -> register(call, partial, computed, new Combine("SUM0", "int8"));
        case "SUM" -> EXACT.contains(type) && register(call, partial, computed,
            new Combine("SUM", INTEGER_SUMS.contains(type) && !mysqlAnswer() ? "int8" : "numeric"));
        case "MIN", "MAX" -> kind != ValueKind.TEXT && kind != ValueKind.BYTEA
            && register(call, partial, computed, new Combine(function, type));
        case "AVG" -> EXACT.contains(type) && registerAverage(call, argument);
        default -> false;
      };
    }

    /** AVG(x) from the partial SUM(x) and COUNT(x): the call then reads both, sums first. */
    private boolean registerAverage(Function call, Column argument) {
      Column own = new Column(argument.getTable(), argument.getColumnName());
      String average = mysqlAnswer() ? AggregatePlanner.MYSQL_AVERAGE : "numeric";
      register(call, "SUM(" + argument + ")", new Function("SUM", own), new Combine(AVG_OF_SUMS, average));
      List<String> sums = partialOf.get(call);
      register(call, "COUNT(" + argument + ")", new Function("COUNT", own), new Combine(AVG_OF_SUMS, average));
      partialOf.put(call, List.of(sums.get(0), partialOf.get(call).get(0)));
      return true;
    }

    /** {@code partial} is the computed call's text, so that equal calls share one partial column. */
    private boolean register(Function call, String partial, Function computed, Combine combine) {
      partials.putIfAbsent(partial, computed);
      partialOf.put(call, List.of("xc_a" + (new ArrayList<>(partials.keySet()).indexOf(partial) + 1)));
      combines.put(call, combine);
      return true;
    }

    /** Replaces T by its grouped derived table and each aggregate call by its combination. */
    Map<Function, Combine> apply(Table table) {
      PlainSelect inner = new PlainSelect();
      inner.setFromItem(new Table(table.getSchemaName(), table.getName()).withAlias(table.getAlias()));
      List<SelectItem<?>> items = new ArrayList<>();
      GroupByElement groupBy = new GroupByElement();
      String qualifier = table.getAlias() != null ? table.getAlias().getName() : table.getName();
      for (String key : keys) {
        Column column = new Column(new Table(qualifier), key);
        items.add(SelectItem.from(column).withAlias(new Alias(key)));
        groupBy.addGroupByExpression(new Column(new Table(qualifier), key));
      }
      int number = 1;
      for (Function partial : partials.values()) {
        items.add(SelectItem.from(partial).withAlias(new Alias("xc_a" + number++)));
      }
      inner.setSelectItems(items);
      if (!keys.isEmpty()) {
        inner.setGroupByElement(groupBy);
      }
      if (!ownFilters.isEmpty()) {
        inner.setWhere(ownFilters.stream().reduce(AndExpression::new).orElseThrow());
      }
      ParenthesedSelect derived = new PartialTable();
      derived.setSelect(inner);
      derived.setAlias(new Alias(qualifier));
      replaceItem(table, derived);
      removeOwnFilters();
      keepLabels();
      partialOf.forEach((call, partial) -> {
        call.setName(combines.get(call).function().equals("SUM0") ? "SUM" : call.getName());
        call.setAllColumns(false);
        call.setParameters(new ExpressionList<>(partial.stream()
            .map(column -> new Column(new Table(qualifier), column)).toList()));
      });
      return combines;
    }

    /** An unaliased aggregate keeps the label of the call it was ({@code count}, not {@code sum}). */
    private void keepLabels() {
      for (SelectItem<?> item : select.getSelectItems()) {
        if (item.getAlias() == null && item.getExpression() instanceof Function call && partialOf.containsKey(call)) {
          item.setAlias(new Alias('"' + call.getName().toLowerCase(Locale.ROOT) + '"'));
        }
      }
    }

    private void replaceItem(Table table, ParenthesedSelect derived) {
      if (select.getFromItem() == table) {
        select.setFromItem(derived);
        return;
      }
      for (Join join : joins()) {
        if (join.getRightItem() == table) {
          join.setRightItem(derived);
        }
      }
    }

    /** Own filters now live in the derived table: out of WHERE and ON (an ON left empty reads 1 = 1). */
    private void removeOwnFilters() {
      if (select.getWhere() != null) {
        select.setWhere(without(select.getWhere()).orElse(null));
      }
      for (Join join : joins()) {
        Expression on = without(join.getOnExpression()).orElse(
            new EqualsTo(new net.sf.jsqlparser.expression.LongValue(1), new net.sf.jsqlparser.expression.LongValue(1)));
        join.setOnExpressions(new ArrayList<>(List.of(on)));
      }
    }

    private Optional<Expression> without(Expression condition) {
      return SemiJoins.conjuncts(condition).stream()
          .filter(part -> ownFilters.stream().noneMatch(own -> own == part))
          .reduce(AndExpression::new);
    }
  }

  private static final Set<String> INTEGER_SUMS = Set.of("int2", "int4");

  /** The aggregate calls in an expression (not inside subqueries), as objects to change in place. */
  private static List<Function> aggregatesIn(Expression expression) {
    List<Function> calls = new ArrayList<>();
    expression.accept(new ExpressionVisitorAdapter<Void>() {
      @Override
      public <S> Void visit(Function function, S context) {
        if (AggregatePlanner.FUNCTIONS.contains(function.getName().toUpperCase(Locale.ROOT))) {
          calls.add(function);
          return null;
        }
        return super.visit(function, context);
      }
    }, null);
    return calls;
  }
}
