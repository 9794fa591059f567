package io.xcluster.driver.exec;

import io.xcluster.driver.jdbc.SqlExceptions;
import io.xcluster.error.SqlState;
import io.xcluster.rewriter.CrossClusterPlan.Aggregate;
import io.xcluster.rewriter.CrossClusterPlan.Aggregation;
import io.xcluster.rewriter.CrossClusterPlan.Computed;
import io.xcluster.rewriter.CrossClusterPlan.Slot;
import io.xcluster.rewriter.CrossClusterPlan.Value;
import io.xcluster.rewriter.eval.DecimalDivision;
import io.xcluster.rewriter.eval.SqlComparator;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GROUP BY and aggregates over the joined rows, with PostgreSQL's rules: NULL keys form one group; an
 * aggregate skips NULL arguments; COUNT of nothing is 0 while SUM, AVG, MIN and MAX of nothing are NULL;
 * without GROUP BY there is exactly one row, even over no rows. Result types follow PostgreSQL: COUNT and
 * SUM of int2/int4 are int8 (Long), SUM of int8 and AVG of exact numbers are numeric (BigDecimal), float
 * arguments give float8. AVG of exact numbers is their sum divided by the count with the scale of
 * PostgreSQL's numeric division (16 significant digits: 12 decimals for an average of about 100,000).
 */
final class Aggregator {
  private final Aggregation aggregation;
  /** The GROUP BY values and the aggregate calls, as arrays: read for every row. */
  private final Value[] keys;
  private final Aggregate[] calls;
  /** Each call's argument (null for COUNT(*)) and partial counts (null unless AVG_OF_SUMS), unwrapped once. */
  private final Value[] arguments;
  private final Value[] counts;
  /** Whether a key or an argument is computed: only then a row's java.sql values need converting first. */
  private final boolean computes;
  private final Object[] params;
  private final Map<Object, Group> groups = new LinkedHashMap<>();

  /** Groups rows one at a time ({@link #add}), in the order their groups first appear. */
  Aggregator(Aggregation aggregation, Object[] params) {
    this.aggregation = aggregation;
    this.keys = aggregation.keys().toArray(Value[]::new);
    this.calls = aggregation.aggregates().toArray(Aggregate[]::new);
    this.arguments = new Value[calls.length];
    this.counts = new Value[calls.length];
    boolean computed = false;
    for (Value key : keys) {
      computed |= key instanceof Computed;
    }
    for (int i = 0; i < calls.length; i++) {
      arguments[i] = calls[i].argument().orElse(null);
      counts[i] = calls[i].counts().orElse(null);
      computed |= arguments[i] instanceof Computed || counts[i] instanceof Computed;
    }
    this.computes = computed;
    this.params = params;
  }

  /**
   * Folds a row into its group; the row is not kept (only values read from it), so its array may be reused.
   * A row of a group seen before allocates nothing when its keys are Longs or Strings and nothing is computed.
   */
  void add(Object[] row) throws SQLException {
    Object[] readable = computes ? Keys.forEvaluation(row) : row;
    Group group = keys.length == 1 ? groupOfOne(row, readable) : groupOf(row, readable);
    for (int i = 0; i < calls.length; i++) {
      Value argument = arguments[i];
      if (counts[i] != null) {
        group.accumulators[i].addPartial(value(argument, row, readable, params),
            value(counts[i], row, readable, params));
      } else {
        group.accumulators[i].add(argument == null ? Boolean.TRUE : value(argument, row, readable, params));
      }
    }
  }

  private Group groupOfOne(Object[] row, Object[] readable) {
    Object keyValue = value(keys[0], row, readable, params);
    Object key = Keys.grouping(keyValue);
    Group group = groups.get(key);
    if (group == null) {
      group = new Group(new Object[] {keyValue}, calls);
      groups.put(key, group);
    }
    return group;
  }

  private Group groupOf(Object[] row, Object[] readable) {
    Object[] keyValues = new Object[keys.length];
    for (int i = 0; i < keys.length; i++) {
      keyValues[i] = value(keys[i], row, readable, params);
    }
    Object key = Keys.grouping(keyValues, keys.length);
    Group group = groups.get(key);
    if (group == null) {
      group = new Group(keyValues, calls);
      groups.put(key, group);
    }
    return group;
  }

  /** The groups' rows (keys, then aggregates) that pass HAVING; without GROUP BY, one row even over none. */
  List<Object[]> rows() {
    if (keys.length == 0 && groups.isEmpty()) {
      groups.put(List.of(), new Group(new Object[0], calls));
    }
    List<Object[]> grouped = new ArrayList<>(groups.size());
    for (Group group : groups.values()) {
      Object[] out = new Object[keys.length + calls.length];
      System.arraycopy(group.keys, 0, out, 0, keys.length);
      for (int i = 0; i < calls.length; i++) {
        out[keys.length + i] = group.accumulators[i].result();
      }
      if (HashJoin.allTrue(aggregation.having(), out, params)) {
        grouped.add(out);
      }
    }
    return grouped;
  }

  private static Object value(Value value, Object[] row, Object[] readable, Object[] params) {
    if (value instanceof Slot slot) {
      return row[slot.slot()];
    }
    Computed computed = (Computed) value;
    return JdbcValues.fromEvaluation(computed.expression().eval(readable, params), computed.typeName());
  }

  private static final class Group {
    final Object[] keys;
    final Accumulator[] accumulators;

    Group(Object[] keys, Aggregate[] calls) {
      this.keys = keys;
      this.accumulators = new Accumulator[calls.length];
      for (int i = 0; i < calls.length; i++) {
        accumulators[i] = new Accumulator(calls[i]);
      }
    }
  }

  /** One aggregate of one group. */
  private static final class Accumulator {
    private final Aggregate call;
    /** What {@link #add} does with a value, from the call's function (SUM, SUM0, AVG; MIN; MAX). */
    private final boolean sums;
    private final boolean keepsMinimum;
    private final boolean keepsMaximum;
    private final Set<Object> seen;
    private long count;
    private BigDecimal exactSum;
    /** Integral values are summed here, unboxed, until the sum would overflow a long. */
    private long integralSum;
    private boolean integral;
    private double floatSum;
    private boolean floating;
    private boolean wide;
    private Object extreme;

    Accumulator(Aggregate call) {
      this.call = call;
      String function = call.function();
      this.sums = function.equals("SUM") || function.equals("SUM0") || function.equals("AVG");
      this.keepsMinimum = function.equals("MIN");
      this.keepsMaximum = function.equals("MAX");
      this.seen = call.distinct() ? new HashSet<>() : null;
    }

    void add(Object value) throws SQLException {
      if (value == null || (seen != null && !seen.add(Keys.grouping(value)))) {
        return;
      }
      count++;
      if (sums) {
        addNumber(value);
      } else if (keepsMinimum || keepsMaximum) {
        keepExtreme(value);
      }
    }

    /** A partial sum and count a cluster computed for AVG_OF_SUMS; a sum over no rows is NULL. */
    void addPartial(Object sum, Object rows) throws SQLException {
      long partialCount = rows == null ? 0 : ((Number) rows).longValue();
      if (partialCount == 0) {
        return;
      }
      addNumber(sum);
      count += partialCount;
    }

    private void addNumber(Object value) throws SQLException {
      if (value instanceof Double || value instanceof Float) {
        floating = true;
        floatSum += ((Number) value).doubleValue();
      } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
        wide |= value instanceof Long;
        addIntegral(((Number) value).longValue());
      } else if (value instanceof Number number) {
        wide = true;
        BigDecimal exact = number instanceof BigDecimal decimal ? decimal : new BigDecimal(number.toString());
        exactSum = exactSum == null ? exact : exactSum.add(exact);
      } else {
        throw SqlExceptions.of(SqlState.FEATURE_NOT_SUPPORTED, call + " over a value of type "
            + value.getClass().getSimpleName() + " cannot be computed in memory");
      }
    }

    private void addIntegral(long value) {
      try {
        integralSum = Math.addExact(integralSum, value);
      } catch (ArithmeticException overflow) {
        BigDecimal folded = BigDecimal.valueOf(integralSum).add(BigDecimal.valueOf(value));
        exactSum = exactSum == null ? folded : exactSum.add(folded);
        integralSum = 0;
      }
      integral = true;
    }

    /** The exact sum so far: the decimals and the integral values together; null when there was none. */
    private BigDecimal exact() {
      if (!integral) {
        return exactSum;
      }
      BigDecimal integrals = BigDecimal.valueOf(integralSum);
      return exactSum == null ? integrals : exactSum.add(integrals);
    }

    private void keepExtreme(Object value) {
      if (extreme == null) {
        extreme = value;
        return;
      }
      int order = SqlComparator.compareValues(Keys.jdbcToJava(value), Keys.jdbcToJava(extreme));
      if (keepsMinimum ? order < 0 : order > 0) {
        extreme = value;
      }
    }

    Object result() {
      return switch (call.function()) {
        case "COUNT" -> count;
        case "MIN", "MAX" -> JdbcValues.asDeclared(extreme, call.typeName());
        case "SUM" -> count == 0 ? null : sum();
        case "SUM0" -> count == 0 ? (Object) 0L : sum();
        default -> count == 0 ? null : average(); // AVG, AVG_OF_SUMS
      };
    }

    /** Once a floating value is seen the result is floating, exact values included, as in PostgreSQL. */
    private double floatingSum() {
      BigDecimal exact = exact();
      return exact == null ? floatSum : floatSum + exact.doubleValue();
    }

    private Object sum() {
      if (floating) {
        return call.typeName().equals("float4") ? (Object) (float) floatingSum() : (Object) floatingSum();
      }
      // Of an unknown type, int2/int4 inputs (Integer) sum to int8 as in PostgreSQL; wider ones to numeric.
      boolean toLong = call.typeName().equals("int8") || (call.typeName().isEmpty() && !wide);
      BigDecimal exact = exact();
      return toLong ? (Object) exact.longValueExact() : exact;
    }

    private Object average() {
      if (floating) {
        return floatingSum() / count;
      }
      if (call.typeName().equals(Aggregate.MYSQL_AVERAGE)) {
        BigDecimal sum = exact();
        return sum.divide(BigDecimal.valueOf(count), Math.max(sum.scale(), 0) + 4, java.math.RoundingMode.HALF_UP);
      }
      return DecimalDivision.divide(exact(), BigDecimal.valueOf(count));
    }
  }
}
