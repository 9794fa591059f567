package io.xcluster.driver.exec;

import io.xcluster.driver.result.RowSource;
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
    try {
      Fetch fetch = plan.fetches().get(0);
      for (FetchRunner.Part part : runner.parts(fetch, null)) {
        merge.cursors.add(runner.open(fetch, part, top));
        merge.advance(merge.cursors.size() - 1);
      }
    } catch (SQLException | RuntimeException failure) {
      merge.close();
      throw failure;
    }
    return new CrossClusterExecutor.Merged(Shaper.columns(plan, runner.slotMeta(), List.of()), merge);
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

  @Override
  public boolean next() throws SQLException {
    current = null;
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
