package io.xcluster.driver.exec;

import io.xcluster.driver.jdbc.SqlExceptions;
import io.xcluster.driver.result.RowSource;
import io.xcluster.error.XClusterException;
import io.xcluster.rewriter.CrossClusterPlan;
import io.xcluster.rewriter.CrossClusterPlan.Fetch;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A sharded table read alone and sorted: each shard sorts its own rows (and, under a LIMIT, returns only its
 * first OFFSET + LIMIT), and the result streams as a k-way merge of the shards' cursors, holding one row per
 * shard at a time. Used only when every sort key is a typed non-text column ({@link Fetch#cutsTop()}), so the
 * shards' order and xcluster's comparison agree.
 */
final class ShardMerge implements RowSource {
  private final CrossClusterPlan plan;
  private final Object[] params;
  private final List<FetchRunner.Cursor> cursors = new ArrayList<>();
  private final PriorityQueue<Head> heads;
  private long toSkip;
  private long remaining;
  private Object[] current;
  private boolean closed;

  /** The next row of one shard's cursor, projected to the SELECT list and sort keys. */
  private record Head(Object[] projected, int cursor) {}

  private ShardMerge(CrossClusterPlan plan, Object[] params, long offset, long limit) {
    this.plan = plan;
    this.params = params;
    this.toSkip = offset;
    this.remaining = limit;
    Comparator<Object[]> order = Shaper.comparator(plan.order(), plan.outputs().size());
    this.heads = new PriorityQueue<>((a, b) -> order.compare(a.projected(), b.projected()));
  }

  /** Whether the plan is a sorted read of one sharded table that the merge can stream. */
  static boolean applies(CrossClusterPlan plan) {
    Fetch only = plan.fetches().get(0);
    return plan.fetches().size() == 1 && !only.isDerived() && !only.bound() && only.cutsTop()
        && plan.aggregation().isEmpty() && !plan.distinct() && plan.filters().isEmpty() && !plan.order().isEmpty();
  }

  static CrossClusterExecutor.Merged open(CrossClusterPlan plan, FetchRunner runner, Object[] params,
      ExecutionContext context) throws SQLException {
    long offset = Shaper.offset(plan, params);
    long limit = Shaper.limit(plan, params, context.limits());
    long top = plan.limit().isEmpty() || limit > Long.MAX_VALUE - offset ? FetchRunner.ALL_SORTED : offset + limit;
    ShardMerge merge = new ShardMerge(plan, params, offset, limit);
    Fetch fetch = plan.fetches().get(0);
    List<FetchRunner.Part> parts = runner.parts(fetch, null);
    List<java.util.concurrent.Future<FetchRunner.Cursor>> opening = new ArrayList<>();
    try {
      // every shard runs its query at the same time; this thread opens the first
      for (FetchRunner.Part part : parts.subList(1, parts.size())) {
        opening.add(context.fetchers().submit(() -> runner.open(fetch, part, top)));
      }
      merge.cursors.add(runner.open(fetch, parts.get(0), top));
      for (var pending : opening) {
        merge.cursors.add(CrossClusterExecutor.await(pending));
      }
      for (int i = 0; i < merge.cursors.size(); i++) {
        merge.advance(i);
      }
    } catch (SQLException | RuntimeException failure) {
      context.control().stopSiblings();
      for (var pending : opening) {
        closeWhenOpened(pending);
      }
      merge.close();
      throw failure;
    }
    return new CrossClusterExecutor.Merged(Shaper.columns(plan, runner.slotMeta(), List.of()), merge);
  }

  /** A cursor another thread was opening when the merge failed: closed once it is open. */
  private static void closeWhenOpened(java.util.concurrent.Future<FetchRunner.Cursor> pending) {
    try {
      pending.get().close();
    } catch (Exception ignored) {
      // it failed to open (nothing to close), or it is reported by the failure being thrown
    }
  }

  /** Reads the next row of cursor {@code index} into the queue; a finished cursor is closed at once. */
  private void advance(int index) throws SQLException {
    Object[] row = cursors.get(index).next();
    if (row == null) {
      cursors.get(index).close();
      return;
    }
    heads.add(new Head(Shaper.project(plan, row, params), index));
  }

  /** The next merged row; a failure (a shard's, or evaluating the SELECT list) closes every cursor first. */
  @Override
  public boolean next() throws SQLException {
    current = null;
    try {
      while (!closed && remaining > 0 && !heads.isEmpty()) {
        Head head = heads.poll();
        advance(head.cursor());
        if (toSkip > 0) {
          toSkip--;
          continue;
        }
        remaining--;
        current = head.projected();
        return true;
      }
    } catch (XClusterException refused) {
      close();
      throw SqlExceptions.from(refused);
    } catch (SQLException | RuntimeException failure) {
      close();
      throw failure;
    }
    close();
    return false;
  }

  @Override
  public Object value(int column) {
    return current[column];
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (FetchRunner.Cursor cursor : cursors) {
      try {
        cursor.close();
      } catch (SQLException ignored) {
        // the cursor reported its failure as its query's; closing the others matters more now
      }
    }
  }
}
