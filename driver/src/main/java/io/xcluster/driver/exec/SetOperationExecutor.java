package io.xcluster.driver.exec;

import io.xcluster.driver.QueryEvent;
import io.xcluster.driver.jdbc.SqlExceptions;
import io.xcluster.driver.result.ColumnMeta;
import io.xcluster.driver.result.RowSource;
import io.xcluster.error.SqlState;
import io.xcluster.rewriter.CrossClusterPlan.Fetch;
import io.xcluster.rewriter.SetOperationPlan;
import io.xcluster.rewriter.SetOperationPlan.Branch;
import io.xcluster.rewriter.SetOperationPlan.Operator;
import io.xcluster.rewriter.SetOperationPlan.OrderKey;
import io.xcluster.rewriter.eval.NullOrdering;
import io.xcluster.rewriter.eval.SqlComparator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a {@link SetOperationPlan}: each branch to its end, then the set operators left to right with SQL's
 * semantics (UNION, INTERSECT and EXCEPT remove duplicates, NULLs being equal; their ALL forms count
 * duplicates: INTERSECT ALL keeps the smaller count, EXCEPT ALL subtracts), then ORDER BY and LIMIT over
 * the whole. Columns are named by the first branch, as a database names them, and typed as
 * {@link SetOperationColumns} resolves them.
 */
public final class SetOperationExecutor {
  private final SetOperationPlan plan;
  private final ExecutionContext context;
  private List<ColumnMeta> columns;
  private int width = -1;
  /** Rows of the branches read so far: all of them are held until the operators run. */
  private long held;

  private SetOperationExecutor(SetOperationPlan plan, ExecutionContext context) {
    this.plan = plan;
    this.context = context;
  }

  public static CrossClusterExecutor.Merged execute(SetOperationPlan plan, ExecutionContext context)
      throws SQLException {
    return new SetOperationExecutor(plan, context).run();
  }

  private CrossClusterExecutor.Merged run() throws SQLException {
    List<BranchRows> branches = new ArrayList<>();
    for (Branch branch : plan.branches()) {
      branches.add(branchRows(branch));
    }
    columns = SetOperationColumns.resolve(branches.stream().map(BranchRows::columns).toList());
    for (BranchRows branch : branches) {
      SetOperationColumns.widen(branch.rows(), branch.columns(), columns);
    }
    List<Object[]> rows = branches.get(0).rows();
    for (int i = 1; i < branches.size(); i++) {
      rows = combine(rows, branches.get(i).rows(), plan.operators().get(i - 1));
    }
    Object[] params = Keys.forEvaluation(context.parameterValues());
    long offset = Shaper.offset(plan.offset(), params);
    long limit = Shaper.limit(plan.limit(), params, context.limits());
    if (plan.order().isEmpty()) {
      rows = TopN.slice(rows, offset, limit);
    } else {
      checkTextOrder();
      rows = TopN.sorted(rows, comparator(), offset, limit);
    }
    return new CrossClusterExecutor.Merged(columns, RowSource.of(rows));
  }

  /** One branch's result, as its cluster (or its decomposed plan) described it. */
  private record BranchRows(List<ColumnMeta> columns, List<Object[]> rows) {}

  private BranchRows branchRows(Branch branch) throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    List<ColumnMeta> described;
    if (branch instanceof SetOperationPlan.OneCluster one) {
      described = readOneCluster(one, rows);
    } else {
      CrossClusterExecutor.Merged merged =
          CrossClusterExecutor.execute(((SetOperationPlan.Decomposed) branch).plan(), context);
      described = merged.columns();
      try (RowSource source = merged.rows()) {
        while (source.next()) {
          Object[] row = new Object[described.size()];
          for (int i = 0; i < row.length; i++) {
            row[i] = source.value(i);
          }
          rows.add(row);
          checkHeld(held + rows.size());
        }
      }
    }
    if (width < 0) {
      width = described.size();
    } else if (described.size() != width) {
      throw SqlExceptions.of(SqlState.SYNTAX_ERROR, "each branch of a set operation must have the same number"
          + " of columns: the first has " + width + ", another " + described.size());
    }
    held += rows.size();
    return new BranchRows(described, rows);
  }

  private List<ColumnMeta> readOneCluster(SetOperationPlan.OneCluster branch, List<Object[]> rows)
      throws SQLException {
    long started = System.nanoTime();
    Connection connection = context.acquire(branch.cluster());
    try (PreparedStatement statement = connection.prepareStatement(branch.sql())) {
      int position = 1;
      for (int index : branch.parameters()) {
        context.bindParameter(index, statement, position++);
      }
      context.control().register(statement);
      List<ColumnMeta> described = new ArrayList<>();
      try (ResultSet results = executeQuery(statement, branch)) {
        ResultSetMetaData meta = results.getMetaData();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          described.add(ColumnMeta.from(meta, i));
        }
        Object[] row;
        while ((row = nextRow(results, described.size(), branch)) != null) {
          rows.add(row);
          checkHeld(held + rows.size());
        }
        context.control().check(); // a query cut short by a cancel may end without an error
      } finally {
        context.control().unregister(statement);
      }
      context.onQuery(branch.cluster(), connection, branch.sql(), branch.parameters().size(), rows.size(),
          System.nanoTime() - started, null, QueryEvent.Kind.FETCH);
      return described;
    } catch (SQLException failure) {
      context.onQuery(branch.cluster(), connection, branch.sql(), branch.parameters().size(), -1,
          System.nanoTime() - started, failure, QueryEvent.Kind.FETCH);
      throw context.control().explain(failure);
    } finally {
      context.release(connection);
    }
  }

  private static ResultSet executeQuery(PreparedStatement statement, SetOperationPlan.OneCluster branch)
      throws SQLException {
    try {
      return statement.executeQuery();
    } catch (SQLException failed) {
      throw SqlExceptions.inStep(branch.cluster(), "a set-operation branch", failed);
    }
  }

  /** The branch's next row, or null at its end; a failure of the cluster names it. */
  private static Object[] nextRow(ResultSet results, int width, SetOperationPlan.OneCluster branch)
      throws SQLException {
    try {
      if (!results.next()) {
        return null;
      }
      Object[] row = new Object[width];
      for (int i = 0; i < width; i++) {
        row[i] = results.getObject(i + 1);
      }
      return row;
    } catch (SQLException failed) {
      throw SqlExceptions.inStep(branch.cluster(), "a set-operation branch", failed);
    }
  }

  private List<Object[]> combine(List<Object[]> left, List<Object[]> right, Operator operator) {
    int width = columns.size();
    return switch (operator.kind()) {
      case UNION -> {
        List<Object[]> all = new ArrayList<>(left);
        all.addAll(right);
        yield operator.all() ? all : distinct(all, width);
      }
      case INTERSECT -> {
        Map<Object, Integer> counts = counts(right, width);
        yield keep(left, width, counts, operator.all(), true);
      }
      case EXCEPT -> {
        Map<Object, Integer> counts = counts(right, width);
        yield keep(left, width, counts, operator.all(), false);
      }
    };
  }

  private static List<Object[]> distinct(List<Object[]> rows, int width) {
    Set<Object> seen = new LinkedHashSet<>();
    List<Object[]> unique = new ArrayList<>();
    for (Object[] row : rows) {
      if (seen.add(Keys.grouping(row, width))) {
        unique.add(row);
      }
    }
    return unique;
  }

  private static Map<Object, Integer> counts(List<Object[]> rows, int width) {
    Map<Object, Integer> counts = new HashMap<>();
    for (Object[] row : rows) {
      counts.merge(Keys.grouping(row, width), 1, Integer::sum);
    }
    return counts;
  }

  /**
   * INTERSECT keeps a left row while the right side still has a copy of it; EXCEPT keeps it once the right
   * side's copies are used up. Without ALL each distinct row is considered once.
   */
  private static List<Object[]> keep(List<Object[]> left, int width, Map<Object, Integer> rightCounts,
      boolean all, boolean intersect) {
    List<Object[]> kept = new ArrayList<>();
    Map<Object, Integer> remaining = new LinkedHashMap<>(rightCounts);
    for (Object[] row : all ? left : distinct(left, width)) {
      Object key = Keys.grouping(row, width);
      int inRight = remaining.getOrDefault(key, 0);
      boolean matched = inRight > 0;
      if (matched && all) {
        remaining.put(key, inRight - 1);
      }
      if (matched == intersect) {
        kept.add(row);
      }
    }
    return kept;
  }

  private Comparator<Object[]> comparator() {
    Comparator<Object[]> order = null;
    for (OrderKey key : plan.order()) {
      Comparator<Object> values = SqlComparator.of(!key.ascending(),
          key.nullsFirst() ? NullOrdering.NULLS_FIRST : NullOrdering.NULLS_LAST);
      Comparator<Object[]> next = (a, b) ->
          values.compare(Keys.jdbcToJava(a[key.output()]), Keys.jdbcToJava(b[key.output()]));
      order = order == null ? next : order.thenComparing(next);
    }
    return order;
  }

  /** Sorting text in memory: every cluster of every branch must order text by code point (see TextOrder). */
  private void checkTextOrder() throws SQLException {
    boolean text = plan.order().stream().anyMatch(key -> TextOrder.isText(columns.get(key.output())));
    if (!text) {
      return;
    }
    Set<String> clusters = new LinkedHashSet<>();
    for (Branch branch : plan.branches()) {
      if (branch instanceof SetOperationPlan.OneCluster one) {
        clusters.add(one.cluster());
      } else {
        for (Fetch fetch : ((SetOperationPlan.Decomposed) branch).plan().fetches()) {
          TextOrder.addClusters(fetch, clusters);
        }
      }
    }
    for (String cluster : clusters) {
      Optional<String> collation = context.conflictingCollation(cluster);
      if (collation.isPresent()) {
        throw SqlExceptions.of(SqlState.FEATURE_NOT_SUPPORTED, "ORDER BY over the set operation would sort text"
            + " of cluster '" + cluster + "' in memory by code point, but its collation " + collation.get()
            + " orders text differently. Fix: give the columns a binary collation, or set"
            + " 'textOrdering: codepoint' to accept code-point order");
      }
    }
  }

  private void checkHeld(long rows) throws SQLException {
    long cap = context.limits().maxRowsInMemory();
    if (rows > cap) {
      throw SqlExceptions.of(SqlState.PROGRAM_LIMIT_EXCEEDED, "the set operation holds more than " + cap
          + " rows in memory. Fix: add filters, or raise 'maxRowsInMemory' in the configuration");
    }
  }
}
