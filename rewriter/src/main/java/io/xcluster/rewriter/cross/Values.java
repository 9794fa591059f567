package io.xcluster.rewriter.cross;

import io.xcluster.rewriter.CatalogColumn;
import io.xcluster.rewriter.CrossClusterPlan;
import io.xcluster.rewriter.CrossClusterPlan.Aggregate;
import io.xcluster.rewriter.CrossClusterPlan.Aggregation;
import io.xcluster.rewriter.CrossClusterPlan.Bound;
import io.xcluster.rewriter.CrossClusterPlan.Computed;
import io.xcluster.rewriter.CrossClusterPlan.Fetch;
import io.xcluster.rewriter.CrossClusterPlan.JoinKind;
import io.xcluster.rewriter.CrossClusterPlan.JoinStep;
import io.xcluster.rewriter.CrossClusterPlan.Output;
import io.xcluster.rewriter.CrossClusterPlan.Slot;
import io.xcluster.rewriter.CrossClusterPlan.Value;
import io.xcluster.rewriter.Dialect;
import io.xcluster.rewriter.ShardPick;
import io.xcluster.rewriter.eval.ValueKind;
import io.xcluster.rewriter.cross.CrossClusterPlanner.PendingSort;
import io.xcluster.rewriter.cross.JoinOrder.Step;
import io.xcluster.rewriter.cross.Scope.ColumnRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;

/**
 * The values a cross-cluster plan needs, decided in two phases. While planning, each value is asked for and
 * registered with the group that fetches it: a column, or an expression of one group's columns, which that
 * group's cluster computes (unless the group can be NULL-extended by an outer join: a NULL-extended row has
 * NULL columns but an expression like COALESCE need not be NULL, so it is computed in memory). Everything
 * else is computed in memory. Once every group knows its columns, their offsets in the combined row are
 * fixed and the values resolve to slots and compiled expressions.
 */
final class Values {
  sealed interface Pending permits PendingSlot, PendingComputed {}

  record PendingSlot(Group group, int item) implements Pending {}

  record PendingComputed(Expression expression) implements Pending {}

  private final Scope scope;
  private final JoinOrder order;
  private final Dialect primary;
  private final Map<Integer, Group> groupOfLeaf = new HashMap<>();
  private final Set<Group> nullable;

  Values(Scope scope, JoinOrder order, Dialect primary) {
    this.scope = scope;
    this.order = order;
    this.primary = primary;
    for (Step step : order.steps) {
      step.group().leaves.forEach(leaf -> groupOfLeaf.put(leaf.position(), step.group()));
    }
    this.nullable = nullableGroups(order);
  }

  private static Set<Group> nullableGroups(JoinOrder order) {
    Set<Group> nullable = new LinkedHashSet<>();
    for (int i = 1; i < order.steps.size(); i++) {
      Step step = order.steps.get(i);
      switch (step.kind()) {
        case LEFT -> nullable.add(step.group());
        case RIGHT -> order.steps.subList(0, i).forEach(s -> nullable.add(s.group()));
        case FULL -> order.steps.subList(0, i + 1).forEach(s -> nullable.add(s.group()));
        case INNER -> { }
      }
    }
    return nullable;
  }

  Pending column(ColumnRef column) {
    Group group = groupOfLeaf.get(column.leaf());
    return new PendingSlot(group, group.column(column));
  }

  Pending of(Expression expression) {
    ExpressionFacts facts = ExpressionFacts.of(expression);
    if (facts.unsupported != null) {
      throw Refusals.construct(facts.unsupported);
    }
    if (expression instanceof Column column) {
      return column(scope.resolve(column));
    }
    if (facts.columns.isEmpty() && facts.parameters.isEmpty()) {
      return constant(expression, facts);
    }
    Set<Group> groups = new LinkedHashSet<>();
    facts.columns.forEach(column -> groups.add(groupOfLeaf.get(scope.resolve(column).leaf())));
    if (groups.size() == 1 && !nullable.contains(groups.iterator().next())
        && !groups.iterator().next().isDerived()) {
      Group group = groups.iterator().next();
      return new PendingSlot(group, group.expression(expression));
    }
    return computed(expression, facts);
  }

  /**
   * A constant is computed by a cluster whose rows are never NULL-extended, so that the database types it
   * (PostgreSQL's 42 is int4); only without such a cluster is it computed in memory.
   */
  private Pending constant(Expression expression, ExpressionFacts facts) {
    for (Step step : order.steps) {
      if (!nullable.contains(step.group()) && !step.group().isDerived()) {
        return new PendingSlot(step.group(), step.group().expression(expression));
      }
    }
    return computed(expression, facts);
  }

  /** An expression evaluated in memory; the columns it reads are fetched. */
  private Pending computed(Expression expression, ExpressionFacts facts) {
    facts.columns.forEach(column -> column(scope.resolve(column)));
    return new PendingComputed(expression);
  }

  Dialect dialectOf(Pending value) {
    return value instanceof PendingSlot slot ? slot.group().dialect() : primary;
  }

  Value resolve(Pending value) {
    if (value instanceof PendingSlot slot) {
      return new Slot(slot.group().offset + slot.item());
    }
    Expression expression = ((PendingComputed) value).expression();
    var compiled = Expressions.compile(expression, this::slotOf, this::catalogColumn, primary);
    return new Computed(compiled, expression.toString(), typeNameOf(expression, compiled));
  }

  private String typeNameOf(Expression expression, io.xcluster.rewriter.eval.Expr compiled) {
    ExpressionFacts facts = ExpressionFacts.of(expression);
    List<String> read = facts.columns.stream().map(this::catalogColumn).map(CatalogColumn::typeName).toList();
    return Expressions.typeName(compiled, read, facts.integerLiteral);
  }

  /**
   * The type of an expression a cluster computes, as PostgreSQL would type it, inferred by compiling it
   * (only to learn its kind); untyped when the evaluator does not know the expression.
   */
  private CatalogColumn typedExpression(String name, Expression expression) {
    try {
      var compiled = Expressions.compile(expression, column -> 0, this::catalogColumn, primary);
      String typeName = typeNameOf(expression, compiled);
      return new CatalogColumn(name, typeName, compiled.kind());
    } catch (io.xcluster.error.XClusterException unknown) {
      return CatalogColumn.untyped(name);
    }
  }

  /**
   * What an enclosing query knows of an output before running: its name (the label, else the column's name or
   * the label the computing database would give) and its type where known.
   */
  CatalogColumn describe(Pending value, Optional<String> label) {
    if (value instanceof PendingSlot slot) {
      Object item = slot.group().item(slot.item());
      if (item instanceof ColumnRef column) {
        CatalogColumn source = scope.leaves().get(column.leaf()).columns().get(column.column());
        return label.map(name -> new CatalogColumn(name, source.typeName(), source.kind())).orElse(source);
      }
      String name = label.orElseGet(() -> DefaultLabels.of((Expression) item, slot.group().dialect()));
      return typedExpression(name, (Expression) item);
    }
    Computed computed = (Computed) resolve(value);
    return new CatalogColumn(label.orElse("?column?"), computed.typeName(), computed.expression().kind());
  }

  private int slotOf(Column column) {
    ColumnRef ref = scope.resolve(column);
    Group group = groupOfLeaf.get(ref.leaf());
    return group.offset + group.column(ref);
  }

  private CatalogColumn catalogColumn(Column column) {
    ColumnRef ref = scope.resolve(column);
    return scope.leaves().get(ref.leaf()).columns().get(ref.column());
  }

  CrossClusterPlan finish(String sql, List<Pending> outputs, List<Optional<String>> labels,
      List<PendingSort> sort, boolean distinct, Optional<Bound> limit, Optional<Bound> offset) {
    Frame frame = frame();
    List<io.xcluster.rewriter.CrossClusterPlan.SortKey> sortKeys = CrossClusterPlanner.sortKeys(sort, this);
    boolean orderedAtSource = sortAtSource(sortKeys);
    return frame.plan(sql, Optional.empty(), CrossClusterPlanner.outputs(outputs, labels, this), sortKeys,
        orderedAtSource, distinct, limit, offset);
  }

  /** A plan whose outputs, HAVING and order keys read grouped rows (already compiled by {@code grouping}). */
  CrossClusterPlan finishGrouped(String sql, AggregatePlanner grouping, List<Output> outputs, List<Value> having,
      List<io.xcluster.rewriter.CrossClusterPlan.SortKey> sort, boolean distinct, Optional<Bound> limit,
      Optional<Bound> offset) {
    Frame frame = frame();
    Aggregation aggregation = new Aggregation(grouping.keys.stream().map(this::resolve).toList(),
        grouping.calls.stream().map(call -> new Aggregate(call.function(), call.distinct(),
            call.argument().map(this::resolve), call.typeName(), call.counts().map(this::resolve))).toList(),
        having);
    return frame.plan(sql, Optional.of(aggregation), outputs, sort, false, distinct, limit, offset);
  }

  /**
   * Registers what the joins and the leftover WHERE read, then fixes every group's offset: after this, no
   * value may be asked for any more, and the fetches can be printed.
   */
  private Frame frame() {
    List<List<Pending>> conditions = new ArrayList<>();
    for (Step step : order.steps) {
      step.keys().forEach(key -> {
        column(key[0]);
        column(key[1]);
      });
      conditions.add(step.conditions().stream().map(c -> computed(c.expression(), c.facts())).toList());
    }
    List<Pending> filters = order.residual.stream().map(c -> computed(c.expression(), c.facts())).toList();
    return new Frame(conditions, filters, fixOffsets());
  }

  /** The joins' and WHERE's leftovers, and the combined row's width, once offsets are fixed. */
  private final class Frame {
    private final List<List<Pending>> conditions;
    private final List<Pending> filters;
    private final int width;

    Frame(List<List<Pending>> conditions, List<Pending> filters, int width) {
      this.conditions = conditions;
      this.filters = filters;
      this.width = width;
    }

    CrossClusterPlan plan(String sql, Optional<Aggregation> aggregation, List<Output> outputs,
        List<io.xcluster.rewriter.CrossClusterPlan.SortKey> sort, boolean orderedAtSource, boolean distinct,
        Optional<Bound> limit, Optional<Bound> offset) {
      List<Fetch> fetches = new ArrayList<>();
      List<JoinStep> joins = new ArrayList<>();
      for (int i = 0; i < order.steps.size(); i++) {
        Step step = order.steps.get(i);
        fetches.add(fetch(step));
        if (i > 0) {
          joins.add(new JoinStep(step.kind(), slots(step, 0), slots(step, 1),
              conditions.get(i).stream().map(Values.this::resolve).toList(),
              step.group().leaves.stream().anyMatch(ScalarSubqueries::added)));
        }
      }
      boolean shardedAlone = order.steps.size() == 1 && order.steps.get(0).group().leaves.get(0).sharded();
      if (aggregation.isEmpty() && !distinct && (limit.isPresent() || shardedAlone) && filters.isEmpty()) {
        topOrder(sort).ifPresent(order -> fetches.set(fetches.size() - 1, fetches.get(fetches.size() - 1)
            .withTopOrder(order)));
      }
      return new CrossClusterPlan(sql, fetches, joins, filters.stream().map(Values.this::resolve).toList(),
          aggregation, outputs, sort, orderedAtSource, distinct, limit, offset, width);
    }
  }

  /**
   * The ORDER BY that lets the last fetch return only its top rows: when it joins INNER on keys it is bound
   * by, with no other condition, and every sort key is a plain column of it whose type sorts alike in the
   * cluster and in memory (numbers, dates and times, booleans; not text, whose collation may differ, nor
   * uuid). Then each row the keys fetch joins at least one earlier row, so the top rows of the result come
   * from the fetch's top rows. On MySQL only for number keys: its collations may fetch a row by a text key
   * that differs in case, and its driver may bind a timestamp without its fraction, and the exact join in
   * memory would then drop a fetched row that took a place among the top. Empty otherwise.
   */
  private Optional<String> topOrder(List<io.xcluster.rewriter.CrossClusterPlan.SortKey> keys) {
    Step last = order.steps.get(order.steps.size() - 1);
    Group group = last.group();
    // a sharded table read alone: every row is a result row, so each shard's top rows hold the result's
    boolean shardedAlone = order.steps.size() == 1 && !group.isDerived() && group.leaves.get(0).sharded();
    if (keys.isEmpty() || (!shardedAlone && (order.steps.size() < 2 || group.isDerived() || last.kind() != JoinKind.INNER
        || !last.bindable() || last.keys().isEmpty() || !last.conditions().isEmpty()
        || group.leaves.stream().anyMatch(ScalarSubqueries::added)
        || (group.dialect() == Dialect.MYSQL && last.keys().stream().anyMatch(key -> scope.leaves()
            .get(key[1].leaf()).columns().get(key[1].column()).kind()
            .map(kind -> kind != ValueKind.INTEGER && kind != ValueKind.NUMERIC).orElse(true)))))) {
      return Optional.empty();
    }
    List<String> terms = new ArrayList<>();
    for (var key : keys) {
      if (!(key.value() instanceof Slot slot) || slot.slot() < group.offset
          || slot.slot() >= group.offset + group.width()
          || !(group.item(slot.slot() - group.offset) instanceof ColumnRef column)
          || !sortsAlike(scope.leaves().get(column.leaf()).columns().get(column.column()))) {
        return Optional.empty();
      }
      terms.addAll(group.orderTerms(slot.slot() - group.offset, key.ascending(), key.nullsFirst()));
    }
    return Optional.of(" ORDER BY " + String.join(", ", terms));
  }

  private static boolean sortsAlike(CatalogColumn column) {
    return column.kind().map(kind -> switch (kind) {
      case INTEGER, NUMERIC, REAL, DOUBLE, BOOLEAN, DATE, TIME, TIMESTAMP, TIMESTAMPTZ -> true;
      default -> false;
    }).orElse(false);
  }

  /**
   * Lets the first group's cluster sort, when every ORDER BY key is one of its values and no RIGHT or FULL
   * join (which adds rows at the end) follows: the in-memory joins keep the first group's row order, so the
   * result comes out sorted by the database itself, with its own collation. Answers whether it did.
   */
  private boolean sortAtSource(List<io.xcluster.rewriter.CrossClusterPlan.SortKey> keys) {
    Group first = order.steps.get(0).group();
    if (first.isDerived() || first.leaves.get(0).sharded()) {
      return false; // the shards' rows arrive one shard after another, each sorted by itself only
    }
    boolean orderKeeping = order.steps.stream().allMatch(step -> step.kind() == JoinKind.INNER
        || step.kind() == JoinKind.LEFT);
    boolean allFromFirst = keys.stream().allMatch(key -> key.value() instanceof Slot slot
        && slot.slot() >= first.offset && slot.slot() < first.offset + first.width());
    if (keys.isEmpty() || !orderKeeping || !allFromFirst) {
      return false;
    }
    for (var key : keys) {
      first.orderBy(((Slot) key.value()).slot() - first.offset, key.ascending(), key.nullsFirst());
    }
    return true;
  }

  private int fixOffsets() {
    int offset = 0;
    for (Step step : order.steps) {
      step.group().offset = offset;
      offset += step.group().width();
    }
    return offset;
  }

  private int[] slots(Step step, int side) {
    return step.keys().stream().mapToInt(key -> ((Slot) resolve(column(key[side]))).slot()).toArray();
  }

  private Fetch fetch(Step step) {
    Group group = step.group();
    if (group.isDerived()) {
      Leaf derived = group.leaves.get(0);
      return new Fetch("", "", false, "", List.of(), new int[0], "", List.of(), group.offset, group.width(),
          derived.describe(), derived.derived(), java.util.OptionalLong.empty(), "", ShardPick.ALL, -1, false);
    }
    List<Integer> parameters = new ArrayList<>();
    Optional<Group.UnwrappedQuery> unwrapped = group.unwrappedPartial(parameters);
    String text = unwrapped.map(Group.UnwrappedQuery::head).orElseGet(() -> group.sql(parameters));
    String tail = unwrapped.map(Group.UnwrappedQuery::tail).orElse("");
    boolean hasWhere = unwrapped.map(Group.UnwrappedQuery::hasWhere).orElse(!group.pushed.isEmpty());
    int placeholders = SetOperationPlanner.Parameters.count(text + tail);
    if (placeholders != parameters.size()) {
      // Binding by position would then put a value in the wrong place: refuse rather than answer wrongly.
      throw Refusals.construct("this placement of ? parameters (the query for cluster " + group.cluster()
          + " has " + placeholders + " but xcluster tracked " + parameters.size()
          + "); inline the values or move them to the outer WHERE");
    }
    boolean bound = step.bindable() && !step.keys().isEmpty();
    List<String> keyColumns = bound ? step.keys().stream().map(key -> group.columnSql(key[1])).toList() : List.of();
    int[] keySlots = bound ? slots(step, 0) : new int[0];
    String arrayType = bound && step.keys().size() == 1 && group.dialect() == io.xcluster.rewriter.Dialect.POSTGRESQL
        ? arrayType(scope.leaves().get(step.keys().get(0)[1].leaf()).columns().get(step.keys().get(0)[1].column()))
        : "";
    return new Fetch(group.cluster(), text, hasWhere, tail, keyColumns, keySlots, arrayType, parameters,
        group.offset, group.width(), group.describeTables(), null, group.leaves.size() == 1
            ? group.leaves.get(0).rows() : java.util.OptionalLong.empty(), "", shardPick(group),
        bound ? shardKeyColumn(step) : -1, group.selectsParameters());
  }

  /**
   * For the tables of a sharded cluster, the shards their own conditions pin (else all): an equality on the
   * shard key of any of them pins the group, whose tables share their shard key values.
   */
  private ShardPick shardPick(Group group) {
    Leaf leaf = group.leaves.get(0);
    if (leaf.shardKey().isEmpty()) {
      return ShardPick.ALL;
    }
    int column = leaf.columnIndex(leaf.shardKey().get(), false);
    var kind = column < 0 ? Optional.<ValueKind>empty() : leaf.columns().get(column).kind();
    List<Expression> conditions = group.pushed.stream().map(Conjunct::expression).toList();
    ShardPick pick = ShardPins.of(conditions, this::isShardKey, kind);
    // unpinned, it still says whether the key is an integer column: keys bound into it are placed by it
    return pick.all() ? new ShardPick(List.of(), ShardPick.keyType(kind)) : pick;
  }

  /** Whether a column is the shard key of the table it belongs to. */
  private boolean isShardKey(Column column) {
    ColumnRef ref = scope.resolveOrNull(column);
    Leaf owner = ref == null ? null : scope.leaves().get(ref.leaf());
    return owner != null && owner.shardKey().isPresent()
        && owner.columnName(ref.column()).equalsIgnoreCase(owner.shardKey().get());
  }

  /** Which of a bound fetch's key columns is its table's shard key, so that keys go to their own shard; or -1. */
  private int shardKeyColumn(JoinOrder.Step step) {
    for (int i = 0; i < step.keys().size(); i++) {
      ColumnRef key = step.keys().get(i)[1];
      Leaf leaf = scope.leaves().get(key.leaf());
      if (leaf.shardKey().isPresent() && leaf.columnName(key.column()).equalsIgnoreCase(leaf.shardKey().get())) {
        return i; // the group's tables share their shard key values: any of them places the key
      }
    }
    return -1;
  }

  /** PostgreSQL types whose arrays pgjdbc builds from Java values; other keys are bound as IN lists. */
  private static final Set<String> ARRAY_TYPES = Set.of("int2", "int4", "int8", "numeric", "text", "varchar",
      "uuid", "date", "timestamp", "bool");

  private static String arrayType(CatalogColumn key) {
    return ARRAY_TYPES.contains(key.typeName()) ? key.typeName() : "";
  }
}
