package io.xcluster.driver.exec;

import io.xcluster.driver.jdbc.SqlExceptions;
import io.xcluster.driver.result.ColumnMeta;
import io.xcluster.error.SqlState;
import io.xcluster.rewriter.CrossClusterPlan;
import io.xcluster.rewriter.CrossClusterPlan.Bound;
import io.xcluster.rewriter.CrossClusterPlan.Computed;
import io.xcluster.rewriter.CrossClusterPlan.Output;
import io.xcluster.rewriter.CrossClusterPlan.Slot;
import io.xcluster.rewriter.CrossClusterPlan.SortKey;
import io.xcluster.rewriter.CrossClusterPlan.Value;
import io.xcluster.rewriter.eval.NullOrdering;
import io.xcluster.rewriter.eval.SqlComparator;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The in-memory end of a cross-cluster plan, in SQL's logical order: WHERE leftovers, the SELECT list,
 * DISTINCT, ORDER BY, OFFSET and LIMIT (a top-N selection when a LIMIT is small against the rows), then the
 * statement's max rows.
 */
final class Shaper {
  private Shaper() {}

  /** The result rows (SELECT list values only) of the joined rows. */
  static List<Object[]> shape(CrossClusterPlan plan, List<Object[]> joined, Object[] params, ColumnMeta[] slotMeta,
      ExecutionContext context) throws SQLException {
    List<Object[]> rows;
    if (plan.aggregation().isPresent()) {
      Aggregator groups = groups(plan, params, slotMeta, context);
      for (Object[] row : joined) {
        if (accepts(plan, row, params)) {
          groups.add(row);
        }
      }
      rows = groups.rows();
    } else if (plan.filters().isEmpty()) {
      rows = joined;
    } else {
      rows = new ArrayList<>();
      for (Object[] row : joined) {
        if (accepts(plan, row, params)) {
          rows.add(row);
        }
      }
    }
    return finish(plan, rows, params, slotMeta, context);
  }

  /**
   * The GROUP BY of a plan that aggregates, to be fed the joined rows that pass WHERE's leftovers
   * ({@link #accepts}); its {@link Aggregator#rows()} then go to {@link #finish}.
   */
  static Aggregator groups(CrossClusterPlan plan, Object[] params, ColumnMeta[] slotMeta, ExecutionContext context)
      throws SQLException {
    TextOrder.checkExtremes(plan, slotMeta, context);
    return new Aggregator(plan.aggregation().orElseThrow(), params);
  }

  /**
   * The SELECT list, DISTINCT, ORDER BY, OFFSET and LIMIT over the rows after WHERE and GROUP BY (joined
   * rows, or the groups' rows when the plan aggregates).
   */
  static List<Object[]> finish(CrossClusterPlan plan, List<Object[]> rows, Object[] params, ColumnMeta[] slotMeta,
      ExecutionContext context) throws SQLException {
    ExecutionContext.Limits limits = context.limits();
    int outputs = plan.outputs().size();
    List<Object[]> shaped = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      shaped.add(project(plan, row, params));
    }
    if (plan.distinct()) {
      shaped = distinct(shaped, outputs);
    }
    long offset = offset(plan, params);
    long limit = limit(plan, params, limits);
    if (!plan.order().isEmpty() && !plan.orderedAtSource()) {
      TextOrder.check(plan, slotMeta, context);
      shaped = TopN.sorted(shaped, comparator(plan.order(), outputs), offset, limit);
    } else {
      shaped = TopN.slice(shaped, offset, limit);
    }
    List<Object[]> result = new ArrayList<>(shaped.size());
    for (Object[] row : shaped) {
      result.add(row.length == outputs ? row : java.util.Arrays.copyOf(row, outputs));
    }
    return result;
  }

  /** Whether a joined row passes the conditions left over from WHERE. */
  static boolean accepts(CrossClusterPlan plan, Object[] row, Object[] params) {
    return HashJoin.allTrue(plan.filters(), row, params);
  }

  static long offset(CrossClusterPlan plan, Object[] params) throws SQLException {
    return offset(plan.offset(), params);
  }

  static long limit(CrossClusterPlan plan, Object[] params, ExecutionContext.Limits limits) throws SQLException {
    return limit(plan.limit(), params, limits);
  }

  static long offset(java.util.Optional<Bound> offset, Object[] params) throws SQLException {
    return offset.isPresent() ? value(offset.get(), params, "OFFSET") : 0L;
  }

  /** LIMIT / FETCH FIRST, capped by the statement's max rows. */
  static long limit(java.util.Optional<Bound> limit, Object[] params, ExecutionContext.Limits limits)
      throws SQLException {
    long rows = limit.isPresent() ? value(limit.get(), params, "LIMIT") : Long.MAX_VALUE;
    return limits.maxRows() > 0 ? Math.min(rows, limits.maxRows()) : rows;
  }

  /** The SELECT list's values, followed by the ORDER BY keys' values. */
  static Object[] project(CrossClusterPlan plan, Object[] row, Object[] params) {
    List<Output> outputs = plan.outputs();
    List<SortKey> order = plan.order();
    Object[] projected = new Object[outputs.size() + order.size()];
    Object[] readable = null;
    for (int i = 0; i < projected.length; i++) {
      Value value = i < outputs.size() ? outputs.get(i).value() : order.get(i - outputs.size()).value();
      if (value instanceof Slot slot) {
        projected[i] = row[slot.slot()];
      } else {
        readable = readable == null ? Keys.forEvaluation(row) : readable;
        Computed computed = (Computed) value;
        projected[i] = JdbcValues.fromEvaluation(computed.expression().eval(readable, params), computed.typeName());
      }
    }
    return projected;
  }

  private static List<Object[]> distinct(List<Object[]> rows, int outputs) {
    Set<Object> seen = new HashSet<>();
    List<Object[]> unique = new ArrayList<>();
    for (Object[] row : rows) {
      if (seen.add(Keys.grouping(row, outputs))) {
        unique.add(row);
      }
    }
    return unique;
  }

  static Comparator<Object[]> comparator(List<SortKey> keys, int outputs) {
    Comparator<Object[]> order = null;
    for (int i = 0; i < keys.size(); i++) {
      SortKey key = keys.get(i);
      int position = outputs + i;
      Comparator<Object> values = SqlComparator.of(!key.ascending(),
          key.nullsFirst() ? NullOrdering.NULLS_FIRST : NullOrdering.NULLS_LAST);
      Comparator<Object[]> next =
          (a, b) -> values.compare(Keys.jdbcToJava(a[position]), Keys.jdbcToJava(b[position]));
      order = order == null ? next : order.thenComparing(next);
    }
    return order;
  }

  private static long value(Bound bound, Object[] params, String clause) throws SQLException {
    if (bound.parameter() == 0) {
      return bound.literal();
    }
    Object value = bound.parameter() <= params.length ? params[bound.parameter() - 1] : null;
    if (!(value instanceof Number number) || number.longValue() < 0) {
      throw SqlExceptions.of(SqlState.INVALID_PARAMETER, clause + " parameter " + bound.parameter()
          + " must be a non-negative number, was " + (value == null ? "not set" : value.getClass().getSimpleName()));
    }
    return number.longValue();
  }

  /**
   * A column of a grouped result: a GROUP BY column keeps its cluster's description, an aggregate or other
   * expression gets the type PostgreSQL would give it.
   */
  private static ColumnMeta groupedColumn(io.xcluster.rewriter.CrossClusterPlan.Aggregation aggregation,
      Output output, ColumnMeta[] slotMeta, List<Object[]> rows, int column) {
    String label = output.label().orElse("?column?");
    if (!(output.value() instanceof Slot slot)) {
      return JdbcValues.computedColumn(label, ((Computed) output.value()).typeName(), rows, column);
    }
    int keys = aggregation.keys().size();
    if (slot.slot() >= keys) {
      return JdbcValues.computedColumn(label, aggregation.aggregates().get(slot.slot() - keys).typeName(), rows,
          column);
    }
    Value key = aggregation.keys().get(slot.slot());
    if (key instanceof Slot source && slotMeta[source.slot()] != null) {
      ColumnMeta meta = slotMeta[source.slot()];
      return output.label().isPresent() ? meta.withLabel(output.label().get()) : meta;
    }
    return JdbcValues.computedColumn(label, key instanceof Computed computed ? computed.typeName() : "", rows, column);
  }

  static List<ColumnMeta> columns(CrossClusterPlan plan, ColumnMeta[] slotMeta, List<Object[]> rows)
      throws SQLException {
    List<ColumnMeta> columns = new ArrayList<>();
    for (int i = 0; i < plan.outputs().size(); i++) {
      Output output = plan.outputs().get(i);
      if (plan.aggregation().isPresent()) {
        columns.add(groupedColumn(plan.aggregation().get(), output, slotMeta, rows, i));
      } else if (output.value() instanceof Slot slot) {
        ColumnMeta source = slotMeta[slot.slot()];
        if (source == null) {
          throw SqlExceptions.of(SqlState.INTERNAL_ERROR, "no metadata for output column " + (i + 1));
        }
        Optional<String> label = output.label();
        columns.add(label.isPresent() ? source.withLabel(label.get()) : source);
      } else {
        columns.add(JdbcValues.computedColumn(output.label().orElse("?column?"),
            ((Computed) output.value()).typeName(), rows, i));
      }
    }
    return columns;
  }
}
