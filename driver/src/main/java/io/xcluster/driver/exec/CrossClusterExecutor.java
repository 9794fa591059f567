package io.xcluster.driver.exec;

import io.xcluster.driver.jdbc.SqlExceptions;
import io.xcluster.driver.result.ColumnMeta;
import io.xcluster.error.SqlState;
import io.xcluster.rewriter.CrossClusterPlan;
import io.xcluster.rewriter.CrossClusterPlan.Fetch;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link CrossClusterPlan}: each fetch in order (bound fetches with the distinct non-null keys read so
 * far, in batches), each join in memory, then the result's shaping. Every physical statement and result set
 * is closed, and every connection released, as soon as its rows are read; a failure of any step fails the
 * whole statement, never a partial result.
 *
 * <p>One instance per execution: it holds that execution's rows and the columns' metadata.
 */
public final class CrossClusterExecutor {
  /** Parameters per query at most: below PostgreSQL's 32,767 and MySQL's 65,535. */
  private static final int MAX_PARAMETERS = 30_000;

  private final CrossClusterPlan plan;
  private final ExecutionContext context;
  private final Object[] params;
  private final ColumnMeta[] slotMeta;

  private CrossClusterExecutor(CrossClusterPlan plan, ExecutionContext context) {
    this.plan = plan;
    this.context = context;
    this.params = Keys.forEvaluation(context.parameterValues());
    this.slotMeta = new ColumnMeta[plan.width()];
  }

  /** The merged rows and what their columns are. */
  public record Merged(List<ColumnMeta> columns, List<Object[]> rows) {}

  public static Merged execute(CrossClusterPlan plan, ExecutionContext context) throws SQLException {
    return new CrossClusterExecutor(plan, context).run();
  }

  private Merged run() throws SQLException {
    List<Object[]> rows = null;
    for (int i = 0; i < plan.fetches().size(); i++) {
      Fetch fetch = plan.fetches().get(i);
      List<Object[]> fetched = fetch(fetch, rows);
      rows = i == 0 ? widen(fetched, fetch) : HashJoin.join(rows, fetched, plan.joins().get(i - 1), fetch,
          plan.width(), params, context.limits());
      checkHeld(rows.size(), "after joining " + fetch.tables());
    }
    return Shaper.shape(plan, rows, slotMeta, params, context.limits());
  }

  private List<Object[]> widen(List<Object[]> fetched, Fetch fetch) {
    List<Object[]> wide = new ArrayList<>(fetched.size());
    for (Object[] row : fetched) {
      Object[] full = new Object[plan.width()];
      System.arraycopy(row, 0, full, fetch.offset(), row.length);
      wide.add(full);
    }
    return wide;
  }

  private List<Object[]> fetch(Fetch fetch, List<Object[]> accumulated) throws SQLException {
    if (!fetch.bound()) {
      return query(fetch, List.of());
    }
    List<Object[]> keys = distinctKeys(accumulated, fetch.keySlots());
    if (keys.isEmpty()) {
      describeOnly(fetch);
      return List.of();
    }
    int perQuery = Math.max(1, Math.min(context.limits().bindBatchSize(),
        (MAX_PARAMETERS - fetch.parameters().size()) / fetch.keyColumns().size()));
    List<Object[]> rows = new ArrayList<>();
    for (int from = 0; from < keys.size(); from += perQuery) {
      rows.addAll(query(fetch, keys.subList(from, Math.min(keys.size(), from + perQuery))));
    }
    return rows;
  }

  /** The distinct key tuples of the rows so far, NULL-containing ones dropped, in first-seen order. */
  private static List<Object[]> distinctKeys(List<Object[]> rows, int[] slots) {
    Map<Object, Object[]> keys = new LinkedHashMap<>();
    for (Object[] row : rows) {
      Object key = Keys.of(row, slots);
      if (key != null && !keys.containsKey(key)) {
        Object[] values = new Object[slots.length];
        for (int i = 0; i < slots.length; i++) {
          values[i] = row[slots[i]];
        }
        keys.put(key, values);
      }
    }
    return new ArrayList<>(keys.values());
  }

  private List<Object[]> query(Fetch fetch, List<Object[]> keys) throws SQLException {
    String sql = fetch.sqlFor(keys.size());
    List<Object[]> rows = new ArrayList<>();
    long started = System.nanoTime();
    Connection connection = context.acquire(fetch.cluster());
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      prepare(statement);
      int position = bindParameters(fetch, statement);
      for (Object[] key : keys) {
        for (Object part : key) {
          statement.setObject(position++, part);
        }
      }
      try (ResultSet results = statement.executeQuery()) {
        describe(fetch, results.getMetaData());
        while (results.next()) {
          Object[] row = new Object[fetch.width()];
          for (int column = 0; column < row.length; column++) {
            row[column] = results.getObject(column + 1);
          }
          rows.add(row);
          checkHeld(rows.size(), "reading " + fetch.tables());
        }
      }
      context.onQuery(fetch.cluster(), sql, position - 1, rows.size(), System.nanoTime() - started, null);
      return rows;
    } catch (SQLException failure) {
      context.onQuery(fetch.cluster(), sql, -1, -1, System.nanoTime() - started, failure);
      throw failure;
    } finally {
      context.release(fetch.cluster());
    }
  }

  /** With no keys to bind the fetch returns nothing, but its columns' metadata is still needed. */
  private void describeOnly(Fetch fetch) throws SQLException {
    if (slotMeta[fetch.offset()] != null || fetch.width() == 0) {
      return;
    }
    String sql = fetch.sql() + (fetch.sqlHasWhere() ? " AND 1 = 0" : " WHERE 1 = 0");
    long started = System.nanoTime();
    Connection connection = context.acquire(fetch.cluster());
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      prepare(statement);
      int position = bindParameters(fetch, statement);
      try (ResultSet results = statement.executeQuery()) {
        describe(fetch, results.getMetaData());
      }
      context.onQuery(fetch.cluster(), sql, position - 1, 0, System.nanoTime() - started, null);
    } finally {
      context.release(fetch.cluster());
    }
  }

  private void prepare(PreparedStatement statement) throws SQLException {
    ExecutionContext.Limits limits = context.limits();
    if (limits.queryTimeoutSeconds() > 0) {
      statement.setQueryTimeout(limits.queryTimeoutSeconds());
    }
    if (limits.fetchSize() > 0) {
      statement.setFetchSize(limits.fetchSize());
    }
  }

  /** Binds the statement's own parameters the fetch uses; answers the next free position. */
  private int bindParameters(Fetch fetch, PreparedStatement statement) throws SQLException {
    int position = 1;
    for (int index : fetch.parameters()) {
      context.bindParameter(index, statement, position++);
    }
    return position;
  }

  private void describe(Fetch fetch, ResultSetMetaData metaData) throws SQLException {
    if (slotMeta[fetch.offset()] != null || fetch.width() == 0) {
      return;
    }
    for (int column = 0; column < fetch.width(); column++) {
      slotMeta[fetch.offset() + column] = ColumnMeta.from(metaData, column + 1);
    }
  }

  private void checkHeld(long rows, String where) throws SQLException {
    long cap = context.limits().maxRowsInMemory();
    if (rows > cap) {
      throw SqlExceptions.of(SqlState.PROGRAM_LIMIT_EXCEEDED, "the cross-cluster SELECT holds more than " + cap
          + " rows in memory " + where + ". Fix: add filters, or raise 'maxRowsInMemory' in the configuration");
    }
  }
}
