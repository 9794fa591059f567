package io.xcluster.driver.exec;

import io.xcluster.driver.jdbc.SqlExceptions;
import io.xcluster.driver.result.LiveRow;
import io.xcluster.driver.result.RowSource;
import io.xcluster.error.XClusterException;
import io.xcluster.rewriter.CrossClusterPlan;
import io.xcluster.rewriter.CrossClusterPlan.Fetch;
import io.xcluster.rewriter.CrossClusterPlan.JoinKind;
import io.xcluster.rewriter.CrossClusterPlan.JoinStep;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The last join of a plan that needs no global order, streamed: the rows joined so far are indexed by their
 * join keys, the last fetch's rows are read from its cluster one at a time (batch after batch), and each is
 * joined, filtered and projected as the application asks for the next row. Memory holds the rows joined
 * before the last step, never the result. OFFSET and LIMIT count result rows; reaching the LIMIT closes the
 * cluster's query at once.
 *
 * <p>When the join has no condition beyond its keys, nothing is filtered in memory and every output is a plain
 * column, a fetched row is read only as far as its join keys: a joined row is then the earlier row it matched,
 * and the fetched row's columns are read from the cluster's result when the application asks for them, typed
 * getters without boxing ({@link LiveRow}). This holds because the joined rows of one fetched row are all
 * handed out before the next is read: while the cluster's query is open, the current row's fetched columns
 * are the cursor's current row.
 *
 * <p>Rows come out in the order the last cluster returns them, each with its matches among the earlier
 * rows; then, for a LEFT or FULL join, the earlier rows that matched nothing. Without ORDER BY, SQL
 * promises no order, and a database may return these rows in any order too.
 */
final class StreamedJoin implements RowSource, LiveRow {
  private final CrossClusterPlan plan;
  private final Fetch fetch;
  private final JoinStep join;
  private final List<Object[]> left;
  private final RowIndex leftIndex;
  private final boolean[] leftMatched;
  /** The join's key slots within a fetched row (the right side's columns only). */
  private final int[] rightKeySlots;
  /** The row being read from the cluster, reused: its values are copied into the joined rows. */
  private final Object[] right;
  /** Where each output column sits in a joined row, when every output is a plain column; else null. */
  private final int[] outputSlots;
  /** Whether fetched rows are read only as far as their keys, the rest from the cursor (see above). */
  private final boolean lazy;
  /** A lazy join's earlier side of a fetched row that matched nothing (RIGHT and FULL joins). */
  private final Object[] noLeft;
  private final FetchRunner runner;
  private final List<FetchRunner.Part> batches;
  /** The batch whose query opens next. */
  private int nextBatch;
  /** That batch's query, opened ahead on another connection while this batch is read; null when not. */
  private Future<FetchRunner.Cursor> ahead;
  /** Whether batches are read ahead: not under a LIMIT or max rows, which may end the result before them. */
  private final boolean readAhead;
  private final Object[] params;
  private final Deque<Object[]> ready = new ArrayDeque<>(4); // the joined rows of one fetched row
  private FetchRunner.Cursor cursor;
  private long toSkip;
  private long remaining;
  private boolean rightDone;
  private boolean closed;
  private Object[] current;

  private StreamedJoin(CrossClusterPlan plan, List<Object[]> left, RowIndex leftIndex, FetchRunner runner,
      List<FetchRunner.Part> batches, Object[] params, long offset, long limit) {
    this.plan = plan;
    this.fetch = plan.fetches().get(plan.fetches().size() - 1);
    this.join = plan.joins().get(plan.joins().size() - 1);
    this.left = left;
    this.leftIndex = leftIndex;
    this.leftMatched = new boolean[left.size()];
    this.rightKeySlots = HashJoin.local(join.rightSlots(), fetch.offset());
    this.right = new Object[fetch.width()];
    this.outputSlots = plainSlots(plan.outputs());
    this.lazy = outputSlots != null && join.conditions().isEmpty() && plan.filters().isEmpty();
    this.noLeft = new Object[plan.width()];
    this.runner = runner;
    this.batches = List.copyOf(batches);
    this.params = params;
    this.toSkip = offset;
    this.remaining = limit;
    this.readAhead = limit == Long.MAX_VALUE;
  }

  /**
   * Opens the last fetch's first query (so that the columns' metadata is known) and answers the result.
   *
   * @param leftIndex {@code left} indexed by the last join's left slots
   * @param keys the last fetch's key tuples, or null when it is unbound
   */
  static CrossClusterExecutor.Merged open(CrossClusterPlan plan, List<Object[]> left, RowIndex leftIndex,
      FetchRunner runner, List<Object[]> keys, Object[] params, ExecutionContext context) throws SQLException {
    Fetch last = plan.fetches().get(plan.fetches().size() - 1);
    // unbound, a driver that reads whole results would hold all the rows the fetch's filters let through
    boolean unbound = keys == null || runner.joinsByHash(last, keys, !context.readsThroughCursor(last.cluster()));
    List<FetchRunner.Part> batches = unbound || !keys.isEmpty() ? runner.parts(last, unbound ? null : keys) : List.of();
    if (!unbound && batches.isEmpty()) {
      runner.fetch(last, List.of()); // no key to bind: only the columns' metadata
    }
    StreamedJoin rows = new StreamedJoin(plan, left, leftIndex, runner, batches, params, Shaper.offset(plan, params),
        Shaper.limit(plan, params, context.limits()));
    try {
      if (!rows.batches.isEmpty()) {
        rows.openNextBatch();
      }
    } catch (SQLException | RuntimeException failure) {
      rows.close();
      throw failure;
    }
    return new CrossClusterExecutor.Merged(Shaper.columns(plan, runner.slotMeta(), List.of()), rows);
  }

  private static int[] plainSlots(List<CrossClusterPlan.Output> outputs) {
    int[] slots = new int[outputs.size()];
    for (int i = 0; i < slots.length; i++) {
      if (!(outputs.get(i).value() instanceof CrossClusterPlan.Slot slot)) {
        return null;
      }
      slots[i] = slot.slot();
    }
    return slots;
  }

  @Override
  public boolean next() throws SQLException {
    current = null;
    if (closed || remaining <= 0) {
      close();
      return false;
    }
    try {
      while (true) {
        Object[] row = ready.poll();
        if (row == null) {
          if (!produce()) {
            close();
            return false;
          }
          continue;
        }
        if (toSkip > 0) {
          toSkip--;
          continue;
        }
        remaining--;
        current = row;
        return true;
      }
    } catch (XClusterException refused) {
      close();
      throw SqlExceptions.from(refused);
    } catch (SQLException | RuntimeException failure) {
      close();
      throw failure;
    }
  }

  /** Makes at least one more row ready; false when there are none left. */
  private boolean produce() throws SQLException {
    while (ready.isEmpty()) {
      if (cursor != null && (lazy ? nextKeys() : cursor.nextInto(right))) {
        joinRight();
      } else if (nextBatch < batches.size()) {
        openNextBatch();
      } else if (!rightDone) {
        rightDone = true;
        closeCursor();
        emitUnmatchedLeft();
      } else {
        return false;
      }
    }
    return true;
  }

  /**
   * The next batch's query (on its server; without its key predicate when unbound): the one opened ahead, or
   * else opened now on the statement's own connection. The batch after it then opens ahead when a connection
   * is free and no LIMIT may make it needless, so that the servers work on it while the application reads
   * this one; at most two batches' rows are held at once.
   */
  private void openNextBatch() throws SQLException {
    closeCursor();
    Future<FetchRunner.Cursor> opened = ahead;
    ahead = null;
    cursor = opened != null ? CrossClusterExecutor.await(opened) : runner.open(fetch, batches.get(nextBatch));
    nextBatch++;
    if (readAhead && nextBatch < batches.size()) {
      ahead = runner.openAhead(fetch, batches.get(nextBatch));
    }
  }

  /** A lazy join's next fetched row, of which only the join keys are read into {@link #right}. */
  private boolean nextKeys() throws SQLException {
    if (!cursor.advance()) {
      return false;
    }
    for (int slot : rightKeySlots) {
      right[slot] = cursor.read(slot);
    }
    return true;
  }

  private void joinRight() {
    boolean matched = false;
    for (int candidate = leftIndex.first(right, rightKeySlots); candidate != RowIndex.END;
        candidate = leftIndex.next(candidate)) {
      Object[] joined = lazy ? left.get(candidate) : combined(left.get(candidate));
      if (HashJoin.allTrue(join.conditions(), joined, params)) {
        matched = true;
        leftMatched[candidate] = true;
        emit(joined);
      }
    }
    if (!matched && (join.kind() == JoinKind.RIGHT || join.kind() == JoinKind.FULL)) {
      emit(lazy ? noLeft : combined(noLeft));
    }
  }

  /** A joined row: the earlier row's values with the fetched row's in its slots. */
  private Object[] combined(Object[] leftRow) {
    Object[] combined = leftRow.clone();
    System.arraycopy(right, 0, combined, fetch.offset(), right.length);
    return combined;
  }

  private void emitUnmatchedLeft() {
    if (join.kind() != JoinKind.LEFT && join.kind() != JoinKind.FULL) {
      return;
    }
    for (int i = 0; i < left.size(); i++) {
      if (!leftMatched[i]) {
        emit(left.get(i));
      }
    }
  }

  /** Queues a joined row the WHERE keeps: as it is when the outputs are plain columns, else projected. */
  private void emit(Object[] joined) {
    if (!Shaper.accepts(plan, joined, params)) {
      return;
    }
    if (outputSlots != null) {
      ready.add(joined);
      return;
    }
    Object[] projected = Shaper.project(plan, joined, params);
    ready.add(projected.length == plan.outputs().size() ? projected
        : java.util.Arrays.copyOf(projected, plan.outputs().size()));
  }

  @Override
  public Object value(int column) throws SQLException {
    if (outputSlots == null) {
      return current[column];
    }
    int slot = outputSlots[column];
    return fetchedLive(slot) ? cursor.read(slot - fetch.offset()) : current[slot];
  }

  /** Whether a lazy join reads {@code slot} from the cursor: a fetched column while the query is open. */
  private boolean fetchedLive(int slot) {
    return lazy && cursor != null && slot >= fetch.offset() && slot < fetch.offset() + fetch.width();
  }

  @Override
  public LiveRow live(int column) {
    return outputSlots != null && fetchedLive(outputSlots[column]) ? this : null;
  }

  @Override
  public long getLong(int column) throws SQLException {
    return cursor.readLong(outputSlots[column] - fetch.offset());
  }

  @Override
  public int getInt(int column) throws SQLException {
    return cursor.readInt(outputSlots[column] - fetch.offset());
  }

  @Override
  public String getString(int column) throws SQLException {
    return cursor.readString(outputSlots[column] - fetch.offset());
  }

  @Override
  public boolean wasNull() throws SQLException {
    return cursor.readNull();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    ready.clear();
    closeCursor();
    closeAhead();
  }

  /**
   * Waits for a query opened ahead and closes it, which gives its connection back; an interrupt does not cut
   * the wait short (the connection must not go back to the pool while the query runs on it), it is kept.
   */
  private void closeAhead() {
    Future<FetchRunner.Cursor> pending = ahead;
    ahead = null;
    if (pending == null) {
      return;
    }
    boolean interrupted = false;
    while (true) {
      try {
        pending.get().close();
        break;
      } catch (InterruptedException interrupt) {
        interrupted = true;
      } catch (ExecutionException | CancellationException | SQLException failedOrClosed) {
        break; // a failed open gave its connection back itself
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void closeCursor() {
    FetchRunner.Cursor open = cursor;
    cursor = null;
    if (open != null) {
      try {
        open.close();
      } catch (SQLException ignored) {
        // the connection goes back to its pool either way
      }
    }
  }
}
