package io.xcluster.driver.exec;

import io.xcluster.driver.jdbc.SqlExceptions;
import io.xcluster.error.SqlState;
import io.xcluster.rewriter.CrossClusterPlan.Computed;
import io.xcluster.rewriter.CrossClusterPlan.Fetch;
import io.xcluster.rewriter.CrossClusterPlan.JoinKind;
import io.xcluster.rewriter.CrossClusterPlan.JoinStep;
import io.xcluster.rewriter.CrossClusterPlan.Value;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins the rows accumulated so far (full-width rows) with one fetch's rows, as a database would: inner rows
 * where keys are equal and every further ON condition is TRUE; a LEFT join keeps each left row that matched
 * nothing with the fetch's columns NULL; a RIGHT join keeps each fetched row that matched nothing with the
 * earlier columns NULL; FULL does both. NULL keys match nothing. Row order: left rows in order, each followed
 * by its matches in fetch order; unmatched right rows last. A step that allows at most one match per left row
 * (a scalar subquery's) fails on a second one.
 */
final class HashJoin {
  private HashJoin() {}

  static List<Object[]> join(List<Object[]> left, List<Object[]> right, JoinStep step, Fetch fetch, int width,
      Object[] params, ExecutionContext.Limits limits) throws SQLException {
    int[] rightKeys = local(step.rightSlots(), fetch.offset());
    if (rightKeys.length == 0) {
      checkCrossProduct(left.size(), right.size(), fetch, limits);
    }
    Map<Object, Matches> index = index(right, rightKeys);
    boolean[] rightMatched = new boolean[right.size()];
    List<Object[]> joined = new ArrayList<>(left.size());
    Matches everyRow = step.leftSlots().length == 0 ? Matches.all(right.size()) : null;
    for (Object[] leftRow : left) {
      boolean matched = false;
      Matches candidates = everyRow != null ? everyRow : candidates(leftRow, step.leftSlots(), index);
      for (int c = 0; c < candidates.size; c++) {
        int candidate = candidates.rows[c];
        Object[] combined = leftRow.clone();
        System.arraycopy(right.get(candidate), 0, combined, fetch.offset(), fetch.width());
        if (allTrue(step.conditions(), combined, params)) {
          if (matched && step.atMostOneMatch()) {
            throw SqlExceptions.of(SqlState.CARDINALITY_VIOLATION, "more than one row returned by a subquery"
                + " used as an expression (" + fetch.tables() + ")");
          }
          joined.add(combined);
          matched = true;
          rightMatched[candidate] = true;
        }
      }
      if (!matched && (step.kind() == JoinKind.LEFT || step.kind() == JoinKind.FULL)) {
        joined.add(leftRow);
      }
    }
    if (step.kind() == JoinKind.RIGHT || step.kind() == JoinKind.FULL) {
      for (int i = 0; i < right.size(); i++) {
        if (!rightMatched[i]) {
          Object[] combined = new Object[width];
          System.arraycopy(right.get(i), 0, combined, fetch.offset(), fetch.width());
          joined.add(combined);
        }
      }
    }
    return joined;
  }

  private static int[] local(int[] slots, int offset) {
    int[] local = new int[slots.length];
    for (int i = 0; i < slots.length; i++) {
      local[i] = slots[i] - offset;
    }
    return local;
  }

  /** The positions of the fetched rows with one key, in fetch order; unboxed, as the index is per row. */
  private static final class Matches {
    private static final Matches NONE = new Matches(0);

    int[] rows;
    int size;

    Matches(int capacity) {
      rows = new int[capacity];
    }

    static Matches all(int count) {
      Matches all = new Matches(count);
      for (int i = 0; i < count; i++) {
        all.rows[i] = i;
      }
      all.size = count;
      return all;
    }

    void add(int row) {
      if (size == rows.length) {
        rows = java.util.Arrays.copyOf(rows, Math.max(2, size * 2));
      }
      rows[size++] = row;
    }
  }

  /** Fetched rows by key; rows with a NULL key part are left out, as they match nothing. */
  private static Map<Object, Matches> index(List<Object[]> rows, int[] keySlots) {
    Map<Object, Matches> index = new HashMap<>();
    if (keySlots.length == 0) {
      return index;
    }
    for (int i = 0; i < rows.size(); i++) {
      Object key = Keys.of(rows.get(i), keySlots);
      if (key != null) {
        index.computeIfAbsent(key, k -> new Matches(1)).add(i);
      }
    }
    return index;
  }

  private static Matches candidates(Object[] leftRow, int[] leftSlots, Map<Object, Matches> index) {
    Object key = Keys.of(leftRow, leftSlots);
    Matches matches = key == null ? null : index.get(key);
    return matches == null ? Matches.NONE : matches;
  }

  static boolean allTrue(List<Value> conditions, Object[] row, Object[] params) {
    if (conditions.isEmpty()) {
      return true;
    }
    Object[] readable = Keys.forEvaluation(row);
    for (Value condition : conditions) {
      if (!Boolean.TRUE.equals(((Computed) condition).expression().eval(readable, params))) {
        return false;
      }
    }
    return true;
  }

  /** A product with a side of at most one row cannot grow, so only larger products are capped. */
  private static void checkCrossProduct(long left, long right, Fetch fetch, ExecutionContext.Limits limits)
      throws SQLException {
    long cap = limits.maxCrossJoinRows();
    if (left > 1 && right > 1 && left * right > cap) {
      throw SqlExceptions.of(SqlState.PROGRAM_LIMIT_EXCEEDED, "joining " + fetch.tables()
          + " has no equality with the tables before it, and the cross product of " + left + " x " + right
          + " rows exceeds 'maxCrossJoinRows' (" + cap + "). Fix: join on an equality between the clusters,"
          + " add filters, or raise 'maxCrossJoinRows'");
    }
  }
}
