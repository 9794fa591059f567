package io.xcluster.driver.exec;

import io.xcluster.driver.jdbc.SqlExceptions;
import io.xcluster.driver.result.ColumnMeta;
import io.xcluster.driver.result.RowSource;
import io.xcluster.error.SqlState;
import io.xcluster.error.XClusterException;
import io.xcluster.rewriter.CrossClusterPlan;
import io.xcluster.rewriter.CrossClusterPlan.Fetch;
import io.xcluster.rewriter.CrossClusterPlan.JoinStep;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Runs a {@link CrossClusterPlan}: the fetches in plan order, each bound one with the distinct non-null keys
 * of the rows joined so far; the joins in memory; then the result's shaping.
 *
 * <p>Fetches whose keys are already known run in parallel when they read different clusters (a star's
 * branches bound from the same first group, a right join's preserved side); a later fetch started early binds
 * the keys known when it starts, a superset of what it would bind later, which the join then narrows. Never two
 * fetches of one cluster at once: a logical connection's physical connection serves one thread at a time.
 *
 * <p>When the result needs no global order (no ORDER BY, no DISTINCT) and the last join has keys (and is not a
 * scalar subquery's, whose second match must fail the statement before any row is seen), the last fetch is not
 * read whole: its rows stream from the cluster through the join into the application's result set ({@link StreamedJoin}).
 * Otherwise everything is read, and every physical statement and connection is released before the result is
 * returned. A failure of any step fails the statement, never yielding a partial result as if complete.
 *
 * <p>One instance per execution.
 */
public final class CrossClusterExecutor {
  private final CrossClusterPlan plan;
  private final ExecutionContext context;
  private final Object[] params;
  private final ColumnMeta[] slotMeta;
  private final FetchRunner runner;

  private CrossClusterExecutor(CrossClusterPlan plan, ExecutionContext context) {
    this.plan = plan;
    this.context = context;
    this.params = Keys.forEvaluation(context.parameterValues());
    this.slotMeta = new ColumnMeta[plan.width()];
    this.runner = new FetchRunner(context, slotMeta);
  }

  /** The result's columns and its rows (materialized or streaming; the caller closes them). */
  public record Merged(List<ColumnMeta> columns, RowSource rows) {}

  public static Merged execute(CrossClusterPlan plan, ExecutionContext context) throws SQLException {
    return new CrossClusterExecutor(plan, context).run();
  }

  private Merged run() throws SQLException {
    if (ShardMerge.applies(plan)) {
      return ShardMerge.open(plan, runner, params, context);
    }
    List<Fetch> fetches = plan.fetches();
    boolean stream = plan.streamsLastFetch();
    int materialized = stream ? fetches.size() - 1 : fetches.size();
    // GROUP BY takes the last join's rows as they are made, and keeps none of them
    boolean groupLastJoin = plan.aggregation().isPresent() && fetches.size() > 1;
    Map<Integer, Future<List<Object[]>>> started = new LinkedHashMap<>();
    List<Object[]> rows = null;
    List<Object[]> groups = null;
    try {
      for (int i = 0; i < materialized; i++) {
        startReady(i, materialized, rows, started);
        Fetch fetch = fetches.get(i);
        boolean last = i == fetches.size() - 1;
        RowIndex leftIndex = groupLastJoin && last && !started.containsKey(i) ? lastJoinIndex(rows) : null;
        List<Object[]> fetched = started.containsKey(i) ? await(started.remove(i))
            : last ? fetchLast(fetch, keysFor(fetch, rows, leftIndex))
            : runner.fetch(fetch, keysFor(fetch, rows));
        if (i == 0) {
          rows = widen(fetched, fetch);
        } else if (groupLastJoin && last) {
          groups = joinIntoGroups(rows, leftIndex != null ? leftIndex : lastJoinIndex(rows), fetched, fetch);
          break;
        } else {
          rows = HashJoin.join(rows, fetched, plan.joins().get(i - 1), fetch, plan.width(), params,
              context.limits());
        }
        runner.checkHeld(rows.size(), "after joining", fetch.tables());
      }
    } catch (SQLException | RuntimeException failure) {
      if (!started.isEmpty()) {
        context.control().stopSiblings();
      }
      awaitQuietly(started);
      throw failure;
    }
    if (stream) {
      RowIndex leftIndex = lastJoinIndex(rows);
      return StreamedJoin.open(plan, rows, leftIndex, runner, keysFor(fetches.get(materialized), rows, leftIndex),
          params, context);
    }
    List<Object[]> shaped = groups != null ? Shaper.finish(plan, groups, params, slotMeta, context)
        : Shaper.shape(plan, rows, params, slotMeta, context);
    return new Merged(Shaper.columns(plan, slotMeta, shaped), RowSource.of(shaped));
  }

  /**
   * The last join's rows that pass WHERE's leftovers, folded into their groups as they are joined; the fetched
   * rows probe {@code leftIndex} (null: the join has no keys, a product).
   */
  private List<Object[]> joinIntoGroups(List<Object[]> rows, RowIndex leftIndex, List<Object[]> fetched,
      Fetch fetch) throws SQLException {
    Aggregator groups = Shaper.groups(plan, params, slotMeta, context);
    HashJoin.Receiver fold = joined -> {
      if (Shaper.accepts(plan, joined, params)) {
        groups.add(joined);
      }
    };
    JoinStep join = lastJoin();
    if (leftIndex == null) {
      HashJoin.join(rows, fetched, join, fetch, plan.width(), params, context.limits(), true, fold);
    } else {
      HashJoin.joinProbing(leftIndex, rows, fetched, join, fetch, plan.width(), params, fold);
    }
    return groups.rows();
  }

  private JoinStep lastJoin() {
    return plan.joins().get(plan.joins().size() - 1);
  }

  /** The rows joined so far indexed by the last join's left slots; null when that join has none. */
  private RowIndex lastJoinIndex(List<Object[]> rows) {
    int[] slots = lastJoin().leftSlots();
    return slots.length == 0 ? null : RowIndex.of(rows, slots);
  }

  /**
   * The last fetch, cut to the top rows in its cluster ({@link Fetch#cutsTop()}) when it is bound by keys (not
   * hash-joined): then every fetched row joins at least one earlier row, and the joined rows sort by the
   * fetched row's columns alone, so the result's top OFFSET + LIMIT rows come from the fetch's top as many.
   */
  private List<Object[]> fetchLast(Fetch fetch, List<Object[]> keys) throws SQLException {
    boolean alone = plan.fetches().size() == 1 && !fetch.bound(); // a sharded table read alone: top per shard
    if (!fetch.cutsTop() || (keys == null && !alone) || (keys != null && runner.joinsByHash(fetch, keys, false))) {
      return runner.fetch(fetch, keys);
    }
    long offset = Shaper.offset(plan, params);
    long limit = Shaper.limit(plan, params, context.limits());
    long top = limit > Long.MAX_VALUE - offset ? Long.MAX_VALUE : offset + limit;
    return keys == null ? runner.fetchTopOfEach(fetch, top) : runner.fetchTop(fetch, keys, top);
  }

  /**
   * Starts, on other threads, the fetches after {@code current} whose keys are known now, each on a cluster
   * no running fetch (nor the current one) uses.
   */
  private void startReady(int current, int end, List<Object[]> rows, Map<Integer, Future<List<Object[]>>> started)
      throws SQLException {
    for (Fetch fetch : plan.fetches()) {
      if (fetch.isDerived()) {
        return; // a derived table's plan reads several clusters: nothing may run beside it
      }
    }
    Set<String> busy = new HashSet<>();
    busy.add(plan.fetches().get(current).cluster());
    started.keySet().forEach(j -> busy.add(plan.fetches().get(j).cluster()));
    for (int j = current + 1; j < end; j++) {
      Fetch later = plan.fetches().get(j);
      if (started.containsKey(j) || busy.contains(later.cluster()) || !keysKnown(later, current)) {
        continue;
      }
      List<Object[]> keys = keysFor(later, rows);
      started.put(j, context.fetchers().submit(() -> runner.fetch(later, keys)));
      busy.add(later.cluster());
    }
  }

  /** Whether every key a fetch binds comes from fetches already joined before {@code current}. */
  private boolean keysKnown(Fetch fetch, int current) {
    int joinedWidth = current == 0 ? 0 : plan.fetches().get(current).offset();
    for (int slot : fetch.keySlots()) {
      if (slot >= joinedWidth) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@link #keysFor(Fetch, List)} of the last fetch, taken from the last join's index of the same rows when
   * the fetch binds exactly that join's left columns: the keys are then hashed once, not once more to dedup.
   */
  private List<Object[]> keysFor(Fetch fetch, List<Object[]> rows, RowIndex leftIndex) {
    if (leftIndex != null && fetch.bound() && Arrays.equals(fetch.keySlots(), lastJoin().leftSlots())) {
      return leftIndex.keyTuples(rows, fetch.keySlots());
    }
    return keysFor(fetch, rows);
  }

  /** The distinct non-null key tuples a fetch binds, in first-seen order; null for an unbound fetch. */
  private static List<Object[]> keysFor(Fetch fetch, List<Object[]> rows) {
    if (!fetch.bound()) {
      return null;
    }
    DistinctKeys seen = new DistinctKeys(rows.size());
    List<Object[]> keys = new ArrayList<>(rows.size());
    int[] slots = fetch.keySlots();
    for (Object[] row : rows) {
      Object key = Keys.of(row, slots);
      if (key != null && seen.add(key)) {
        Object[] values = new Object[slots.length];
        for (int i = 0; i < slots.length; i++) {
          values[i] = row[slots[i]];
        }
        keys.add(values);
      }
    }
    return keys;
  }

  /** The first fetch's rows as rows of the plan's width; rows read at that width already stay as they are. */
  private List<Object[]> widen(List<Object[]> fetched, Fetch fetch) {
    if (fetched.isEmpty() || fetched.get(0).length == plan.width()) {
      return fetched;
    }
    List<Object[]> wide = new ArrayList<>(fetched.size());
    for (Object[] row : fetched) {
      Object[] full = new Object[plan.width()];
      System.arraycopy(row, 0, full, fetch.offset(), row.length);
      wide.add(full);
    }
    return wide;
  }

  static <T> T await(Future<T> pending) throws SQLException {
    try {
      return pending.get();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw SqlExceptions.of(SqlState.QUERY_CANCELED, "interrupted while waiting for a parallel fetch");
    } catch (ExecutionException failed) {
      Throwable cause = failed.getCause();
      if (cause instanceof SQLException sql) {
        throw sql;
      }
      if (cause instanceof XClusterException refused) {
        throw refused;
      }
      throw SqlExceptions.of(SqlState.INTERNAL_ERROR, "a parallel fetch failed: " + cause, cause);
    }
  }

  /** After a failure, the fetches still running finish (and give their connections back) before we return. */
  private static void awaitQuietly(Map<Integer, Future<List<Object[]>>> started) {
    awaitQuietly(started.values());
  }

  /**
   * Waits for fetches still running after a failure, ignoring their outcome (the first failure is the one
   * reported). An interrupt does not cut the wait short: those fetches use this statement's physical
   * connections, which must not be handed on while they do; the interrupt is kept for the caller.
   */
  static void awaitQuietly(java.util.Collection<Future<List<Object[]>>> running) {
    boolean interrupted = false;
    for (Future<List<Object[]>> pending : running) {
      while (true) {
        try {
          pending.get();
          break;
        } catch (InterruptedException interrupt) {
          interrupted = true;
        } catch (ExecutionException | java.util.concurrent.CancellationException ignored) {
          break;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
