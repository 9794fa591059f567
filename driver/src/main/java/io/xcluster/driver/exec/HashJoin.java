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
import java.util.Arrays;
import java.util.List;

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

  /** Receives the joined rows one at a time. */
  @FunctionalInterface
  interface Receiver {
    void accept(Object[] row) throws SQLException;
  }

  static List<Object[]> join(List<Object[]> left, List<Object[]> right, JoinStep step, Fetch fetch, int width,
      Object[] params, ExecutionContext.Limits limits) throws SQLException {
    List<Object[]> joined = new ArrayList<>(left.size());
    join(left, right, step, fetch, width, params, limits, false, joined::add);
    return joined;
  }

  /**
   * Hands each joined row to {@code receiver}, in the order {@link #join} lists them. With {@code reuse} the
   * rows are one array, overwritten for the next row (or an earlier row itself, for a LEFT join's unmatched
   * one): the receiver must neither keep nor change it, which is what a GROUP BY folding rows into groups
   * needs, without an array per joined row.
   */
  static void join(List<Object[]> left, List<Object[]> right, JoinStep step, Fetch fetch, int width,
      Object[] params, ExecutionContext.Limits limits, boolean reuse, Receiver receiver) throws SQLException {
    int[] rightKeys = local(step.rightSlots(), fetch.offset());
    if (rightKeys.length == 0) {
      checkCrossProduct(left.size(), right.size(), fetch, limits);
    }
    RowIndex index = step.leftSlots().length == 0 ? RowIndex.all(right.size()) : RowIndex.of(right, rightKeys);
    boolean[] rightMatched = new boolean[right.size()];
    Object[] buffer = reuse ? new Object[width] : null;
    for (Object[] leftRow : left) {
      boolean matched = false;
      int candidate = index.first(leftRow, step.leftSlots());
      while (candidate != RowIndex.END) {
        Object[] combined = reuse ? buffer : new Object[width];
        System.arraycopy(leftRow, 0, combined, 0, width);
        System.arraycopy(right.get(candidate), 0, combined, fetch.offset(), fetch.width());
        if (allTrue(step.conditions(), combined, params)) {
          if (matched && step.atMostOneMatch()) {
            throw tooManyMatches(fetch);
          }
          receiver.accept(combined);
          matched = true;
          rightMatched[candidate] = true;
        }
        candidate = index.next(candidate);
      }
      if (!matched && (step.kind() == JoinKind.LEFT || step.kind() == JoinKind.FULL)) {
        receiver.accept(leftRow);
      }
    }
    if (step.kind() == JoinKind.RIGHT || step.kind() == JoinKind.FULL) {
      for (int i = 0; i < right.size(); i++) {
        if (!rightMatched[i]) {
          Object[] combined = reuse ? buffer : new Object[width];
          if (reuse) {
            Arrays.fill(combined, null); // the previous row's values
          }
          System.arraycopy(right.get(i), 0, combined, fetch.offset(), fetch.width());
          receiver.accept(combined);
        }
      }
    }
  }

  /**
   * As {@link #join} with {@code reuse}, but each fetched row probes {@code leftIndex}, an index of the earlier
   * rows by the step's left slots (the one whose distinct keys the fetch bound, so each key is hashed once):
   * the rows come in fetch order, each with its matches in the earlier rows' order, then the earlier rows that
   * matched nothing (LEFT and FULL joins). For a GROUP BY, whose groups do not depend on their rows' order.
   */
  static void joinProbing(RowIndex leftIndex, List<Object[]> left, List<Object[]> right, JoinStep step,
      Fetch fetch, int width, Object[] params, Receiver receiver) throws SQLException {
    int[] rightKeys = local(step.rightSlots(), fetch.offset());
    boolean[] leftMatched = new boolean[left.size()];
    Object[] buffer = new Object[width];
    int start = fetch.offset();
    int end = start + fetch.width();
    for (Object[] rightRow : right) {
      System.arraycopy(rightRow, 0, buffer, start, fetch.width());
      boolean matched = false;
      for (int candidate = leftIndex.first(rightRow, rightKeys); candidate != RowIndex.END;
          candidate = leftIndex.next(candidate)) {
        Object[] leftRow = left.get(candidate);
        System.arraycopy(leftRow, 0, buffer, 0, start);
        System.arraycopy(leftRow, end, buffer, end, width - end);
        if (allTrue(step.conditions(), buffer, params)) {
          if (leftMatched[candidate] && step.atMostOneMatch()) {
            throw tooManyMatches(fetch);
          }
          receiver.accept(buffer);
          matched = true;
          leftMatched[candidate] = true;
        }
      }
      if (!matched && (step.kind() == JoinKind.RIGHT || step.kind() == JoinKind.FULL)) {
        Arrays.fill(buffer, 0, start, null);
        Arrays.fill(buffer, end, width, null);
        receiver.accept(buffer);
      }
    }
    if (step.kind() == JoinKind.LEFT || step.kind() == JoinKind.FULL) {
      for (int i = 0; i < left.size(); i++) {
        if (!leftMatched[i]) {
          receiver.accept(left.get(i));
        }
      }
    }
  }

  private static SQLException tooManyMatches(Fetch fetch) {
    return SqlExceptions.of(SqlState.CARDINALITY_VIOLATION, "more than one row returned by a subquery"
        + " used as an expression (" + fetch.tables() + ")");
  }

  /** Slots of the whole joined row as positions within the fetch's own row, which starts at {@code offset}. */
  static int[] local(int[] slots, int offset) {
    int[] local = new int[slots.length];
    for (int i = 0; i < slots.length; i++) {
      local[i] = slots[i] - offset;
    }
    return local;
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
