package io.xcluster.rewriter.cross;

import io.xcluster.error.SqlState;
import io.xcluster.error.XClusterException;
import io.xcluster.rewriter.CatalogColumn;
import io.xcluster.rewriter.CrossClusterPlan.Computed;
import io.xcluster.rewriter.CrossClusterPlan.Slot;
import io.xcluster.rewriter.CrossClusterPlan.Value;
import io.xcluster.rewriter.Dialect;
import io.xcluster.rewriter.eval.ColumnResolver;
import io.xcluster.rewriter.eval.Expr;
import io.xcluster.rewriter.eval.ExprCompiler;
import io.xcluster.rewriter.eval.ValueKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * GROUP BY, aggregates and HAVING of a cross-cluster SELECT, computed in memory after the joins.
 *
 * <p>Before grouping, each GROUP BY expression and each aggregate's argument is a value of the combined row
 * (fetched, pushed to a cluster, or computed in memory, as {@link Values} decides). After grouping, a row
 * holds the keys' values then the aggregates' results; the SELECT list, HAVING and ORDER BY are compiled
 * against that row, an aggregate call or a GROUP BY expression reading its slot, and any other column being
 * an error as in PostgreSQL (42803).
 */
final class AggregatePlanner {
  static final Set<String> FUNCTIONS = Set.of("COUNT", "SUM", "AVG", "MIN", "MAX");
  private static final List<String> INTEGERS = List.of("int2", "int4");
  private static final Map<String, ValueKind> KINDS = Map.of("int8", ValueKind.INTEGER, "int4", ValueKind.INTEGER,
      "int2", ValueKind.INTEGER, "numeric", ValueKind.NUMERIC, "float8", ValueKind.DOUBLE, "float4", ValueKind.REAL,
      "text", ValueKind.TEXT, "varchar", ValueKind.TEXT);

  private final Scope scope;
  private final Values values;
  /** Calls that combine partial aggregates computed in a cluster ({@link PartialAggregation}). */
  private final Map<Function, PartialAggregation.Combine> combines;
  private final Dialect primary;
  private final List<Expression> keyExpressions = new ArrayList<>();
  final List<Values.Pending> keys = new ArrayList<>();
  private final List<String> callTexts = new ArrayList<>();
  final List<PendingAggregate> calls = new ArrayList<>();

  /** An aggregate call before the combined row's layout is fixed. */
  record PendingAggregate(String function, boolean distinct, Optional<Values.Pending> argument, String typeName,
      Optional<Values.Pending> counts) {
    PendingAggregate(String function, boolean distinct, Optional<Values.Pending> argument, String typeName) {
      this(function, distinct, argument, typeName, Optional.empty());
    }
  }

  AggregatePlanner(PlainSelect select, Scope scope, Values values, Dialect primary,
      Map<Function, PartialAggregation.Combine> combines) {
    this.combines = combines;
    this.scope = scope;
    this.values = values;
    this.primary = primary;
    GroupByElement groupBy = select.getGroupBy();
    if (groupBy == null) {
      return;
    }
    if ((groupBy.getGroupingSets() != null && !groupBy.getGroupingSets().isEmpty()) || groupBy.isMysqlWithRollup()) {
      throw Refusals.construct("GROUPING SETS, ROLLUP or CUBE");
    }
    for (Object element : groupBy.getGroupByExpressionList()) {
      Expression key = selectItemFor((Expression) element, select, scope);
      keyExpressions.add(key);
      keys.add(values.of(key));
    }
  }

  /** Whether a SELECT needs grouping: GROUP BY, HAVING, or an aggregate in its SELECT list or ORDER BY. */
  static boolean needed(PlainSelect select) {
    if (select.getGroupBy() != null || select.getHaving() != null) {
      return true;
    }
    for (SelectItem<?> item : select.getSelectItems()) {
      if (containsAggregate(item.getExpression())) {
        return true;
      }
    }
    return select.getOrderByElements() != null
        && select.getOrderByElements().stream().anyMatch(e -> containsAggregate(e.getExpression()));
  }

  static boolean containsAggregate(Expression expression) {
    String unsupported = ExpressionFacts.of(expression).unsupported;
    return unsupported != null && unsupported.startsWith("the aggregate");
  }

  /**
   * GROUP BY 1 names a SELECT item; GROUP BY name names an input column, else an output alias (PostgreSQL's
   * order of resolution).
   */
  private static Expression selectItemFor(Expression key, PlainSelect select, Scope scope) {
    List<SelectItem<?>> items = select.getSelectItems();
    if (key instanceof LongValue ordinal) {
      if (ordinal.getValue() < 1 || ordinal.getValue() > items.size()) {
        throw new XClusterException(SqlState.SYNTAX_ERROR, "GROUP BY position " + ordinal.getValue()
            + " is not in select list");
      }
      return items.get((int) ordinal.getValue() - 1).getExpression();
    }
    if (key instanceof Column column && column.getTable() == null && scope.resolveOrNull(column) == null) {
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
   * A value of the grouped row: a GROUP BY expression or an aggregate as its slot, anything else compiled
   * over the grouped row.
   */
  Value value(Expression expression) {
    Optional<ColumnResolver.Computed> direct = slotOf(expression);
    if (direct.isPresent()) {
      return new Slot(direct.get().slot());
    }
    GroupedRow row = new GroupedRow();
    Expr compiled = ExprCompiler.compile(expression, row);
    String typeName = compiled.kind().isPresent() && compiled.kind().get() == ValueKind.INTEGER
        ? Expressions.typeName(compiled, row.readTypes, ExpressionFacts.of(expression).integerLiteral)
        : compiled.kind().map(AggregatePlanner::typeNameOf).orElse("");
    return new Computed(compiled, expression.toString(), typeName);
  }

  /** The label PostgreSQL gives an unaliased output: an aggregate's function name, a column's name. */
  String defaultLabel(Expression expression) {
    if (expression instanceof Function function && isAggregate(function)) {
      return function.getName().toLowerCase(Locale.ROOT);
    }
    return DefaultLabels.of(expression, primary);
  }

  int keyCount() {
    return keys.size();
  }

  /** The grouped row as the evaluator sees it; remembers the SQL types of the slots an expression reads. */
  private final class GroupedRow implements ColumnResolver {
    final List<String> readTypes = new ArrayList<>();

    @Override
    public Dialect dialect() {
      return primary;
    }

    @Override
    public int slotOf(Column column) {
      throw new XClusterException(SqlState.GROUPING_ERROR, "column " + column
          + " must appear in the GROUP BY clause or be used in an aggregate function");
    }

    @Override
    public Optional<ColumnResolver.Computed> computed(Expression expression) {
      Optional<ColumnResolver.Computed> slot = AggregatePlanner.this.slotOf(expression);
      slot.ifPresent(found -> readTypes.add(typeOfSlot(found.slot())));
      return slot;
    }
  }

  /**
   * The column a grouped output makes, with its type where the grouping tells it (a key's, an aggregate's, a
   * computed expression's), so that a plan reading this one as a derived table knows its kinds.
   */
  io.xcluster.rewriter.CatalogColumn column(io.xcluster.rewriter.CrossClusterPlan.Value value, String label) {
    if (value instanceof io.xcluster.rewriter.CrossClusterPlan.Slot slot) {
      String typeName = typeOfSlot(slot.slot());
      return new io.xcluster.rewriter.CatalogColumn(label, typeName, Optional.ofNullable(KINDS.get(typeName)));
    }
    if (value instanceof io.xcluster.rewriter.CrossClusterPlan.Computed computed) {
      return new io.xcluster.rewriter.CatalogColumn(label, computed.typeName(), computed.expression().kind());
    }
    return io.xcluster.rewriter.CatalogColumn.untyped(label);
  }

  /** The SQL type of a grouped-row slot: a key's type, or an aggregate's result type. */
  private String typeOfSlot(int slot) {
    return slot < keys.size() ? values.describe(keys.get(slot), Optional.empty()).typeName()
        : calls.get(slot - keys.size()).typeName();
  }

  private Optional<ColumnResolver.Computed> slotOf(Expression expression) {
    if (expression instanceof Function function && isAggregate(function)) {
      return Optional.of(call(function));
    }
    for (int i = 0; i < keyExpressions.size(); i++) {
      if (sameKey(keyExpressions.get(i), expression)) {
        CatalogColumn described = values.describe(keys.get(i), Optional.empty());
        return Optional.of(new ColumnResolver.Computed(i, described.kind()));
      }
    }
    return Optional.empty();
  }

  /**
   * The same column (however qualified), or exactly the same expression text: ignoring case would make
   * {@code 'x'} and {@code 'X'} one key. Text differing only in case is refused (42803), never mixed up.
   */
  private boolean sameKey(Expression key, Expression candidate) {
    if (key instanceof Column a && candidate instanceof Column b) {
      Scope.ColumnRef left = scope.resolveOrNull(a);
      return left != null && left.equals(scope.resolveOrNull(b));
    }
    return key.toString().equals(candidate.toString());
  }

  private static boolean isAggregate(Function function) {
    return FUNCTIONS.contains(function.getName().toUpperCase(Locale.ROOT));
  }

  /** Registers an aggregate call (the same call text once) and answers its grouped-row slot. */
  private ColumnResolver.Computed call(Function function) {
    String text = function.toString();
    int known = callTexts.indexOf(text);
    if (known < 0) {
      calls.add(pending(function));
      callTexts.add(text);
      known = calls.size() - 1;
    }
    String typeName = calls.get(known).typeName();
    return new ColumnResolver.Computed(keys.size() + known, Optional.ofNullable(KINDS.get(typeName)));
  }

  private PendingAggregate pending(Function function) {
    String name = function.getName().toUpperCase(Locale.ROOT);
    boolean star = function.isAllColumns() || function.getParameters() == null
        || (function.getParameters().size() == 1
            && function.getParameters().get(0) instanceof net.sf.jsqlparser.statement.select.AllColumns);
    if (function.getKeep() != null || function.getOrderByElements() != null || function.isUnique()
        || function.getNullHandling() != null || function.getHavingClause() != null || function.getLimit() != null
        || function.getNamedParameters() != null || function.getAttribute() != null) {
      throw Refusals.construct("the aggregate " + function + " (ORDER BY, KEEP, LIMIT or similar inside an aggregate)");
    }
    if (star) {
      if (!name.equals("COUNT")) {
        throw new XClusterException(SqlState.SYNTAX_ERROR, name + "(*) is not an aggregate");
      }
      return new PendingAggregate(name, false, Optional.empty(), "int8");
    }
    PartialAggregation.Combine combine = combines.get(function);
    if (combine != null && combine.function().equals(PartialAggregation.AVG_OF_SUMS)) {
      return new PendingAggregate(combine.function(), false,
          Optional.of(values.of((Expression) function.getParameters().get(0))), combine.typeName(),
          Optional.of(values.of((Expression) function.getParameters().get(1))));
    }
    if (function.getParameters().size() != 1) {
      throw Refusals.construct("the aggregate " + function + " with several arguments");
    }
    Expression argument = (Expression) function.getParameters().get(0);
    if (ExpressionFacts.of(argument).unsupported != null) {
      throw Refusals.construct(ExpressionFacts.of(argument).unsupported + " inside " + function);
    }
    Values.Pending value = values.of(argument);
    if (combine != null) {
      return new PendingAggregate(combine.function(), false, Optional.of(value), combine.typeName());
    }
    String argumentType = values.describe(value, Optional.empty()).typeName();
    String type = primary == Dialect.MYSQL ? mysqlResultType(name, argumentType) : resultType(name, argumentType);
    return new PendingAggregate(name, function.isDistinct(), Optional.of(value), type);
  }

  /**
   * MySQL's result types, when the statement's answer is MySQL's (its default cluster is MySQL): SUM of exact
   * numbers is DECIMAL ({@code numeric}), AVG of exact numbers DECIMAL with four more decimals than its
   * argument ({@link #MYSQL_AVERAGE}); floating arguments give DOUBLE; COUNT, MIN and MAX as PostgreSQL.
   */
  private static String mysqlResultType(String function, String argument) {
    boolean exact = INTEGERS.contains(argument) || argument.equals("int8") || argument.equals("numeric");
    return switch (function) {
      case "SUM" -> exact ? "numeric" : resultType(function, argument);
      case "AVG" -> exact ? MYSQL_AVERAGE : resultType(function, argument);
      default -> resultType(function, argument);
    };
  }

  static final String MYSQL_AVERAGE = io.xcluster.rewriter.CrossClusterPlan.Aggregate.MYSQL_AVERAGE;

  /** PostgreSQL's result types: COUNT int8; SUM of int2/int4 int8, of int8 numeric; AVG of exact numbers numeric. */
  private static String resultType(String function, String argument) {
    return switch (function) {
      case "COUNT" -> "int8";
      case "SUM" -> INTEGERS.contains(argument) ? "int8" : argument.equals("int8") ? "numeric"
          : argument.equals("numeric") || argument.startsWith("float") ? argument : "";
      case "AVG" -> INTEGERS.contains(argument) || argument.equals("int8") || argument.equals("numeric")
          ? "numeric" : argument.startsWith("float") ? "float8" : "";
      default -> argument;
    };
  }

  private static String typeNameOf(ValueKind kind) {
    return switch (kind) {
      case INTEGER -> "int8";
      case NUMERIC -> "numeric";
      case DOUBLE -> "float8";
      case REAL -> "float4";
      case TEXT -> "text";
      case BOOLEAN -> "bool";
      default -> "";
    };
  }
}
