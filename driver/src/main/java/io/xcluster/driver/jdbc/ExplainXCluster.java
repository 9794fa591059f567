package io.xcluster.driver.jdbc;

import io.xcluster.driver.result.ColumnMeta;
import io.xcluster.driver.result.RowSource;
import io.xcluster.driver.result.XClusterResultSet;
import io.xcluster.rewriter.CrossClusterPlan;
import io.xcluster.rewriter.CrossClusterPlan.Fetch;
import io.xcluster.rewriter.Plan;
import io.xcluster.rewriter.SetOperationPlan;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code EXPLAIN XCLUSTER <statement>}: how xcluster would run a statement, without running it. One row per
 * step: its number, the cluster (empty for a step in memory), the SQL sent, what it binds from earlier steps
 * and how (bind join, and when it would switch to a hash join: {@code CrossClusterPlan.Fetch#joinsByHash}),
 * and what runs in memory (joins, filters, grouping, order, limits).
 */
final class ExplainXCluster {
  private static final String PREFIX = "EXPLAIN XCLUSTER";
  private static final List<ColumnMeta> COLUMNS = List.of(
      ColumnMeta.computed("step", Types.INTEGER, "int4", Integer.class),
      ColumnMeta.computed("cluster", Types.VARCHAR, "text", String.class),
      ColumnMeta.computed("sql", Types.VARCHAR, "text", String.class),
      ColumnMeta.computed("binds", Types.VARCHAR, "text", String.class),
      ColumnMeta.computed("in_memory", Types.VARCHAR, "text", String.class));

  private ExplainXCluster() {}

  /**
   * The statement after {@code EXPLAIN XCLUSTER}, when {@code sql} starts with it. Every statement passes
   * here, so the check allocates nothing unless it matches.
   */
  static Optional<String> target(String sql) {
    int start = 0;
    while (start < sql.length() && Character.isWhitespace(sql.charAt(start))) {
      start++;
    }
    int end = start + PREFIX.length();
    if (end < sql.length() && sql.regionMatches(true, start, PREFIX, 0, PREFIX.length())
        && Character.isWhitespace(sql.charAt(end))) {
      return Optional.of(sql.substring(end).strip());
    }
    return Optional.empty();
  }

  static XClusterResultSet describe(Plan plan, long hashJoinThreshold, Statement owner) {
    List<Object[]> rows = new ArrayList<>();
    if (plan instanceof Plan.PassThrough route) {
      rows.add(row(1, route.cluster(), route.sql(), "", "none: sent unchanged (" + route.reason() + ")"));
    } else if (plan instanceof SetOperationPlan setOperation) {
      setOperation(setOperation, hashJoinThreshold, rows);
    } else {
      crossCluster((CrossClusterPlan) plan, hashJoinThreshold, rows, "");
    }
    return new XClusterResultSet(COLUMNS, RowSource.of(rows), owner, ResultSet.TYPE_FORWARD_ONLY, () -> { });
  }

  private static void crossCluster(CrossClusterPlan plan, long threshold, List<Object[]> rows, String prefix) {
    for (int i = 0; i < plan.fetches().size(); i++) {
      Fetch fetch = plan.fetches().get(i);
      String joins = i == 0 ? "" : plan.joins().get(i - 1).toString();
      if (fetch.isDerived()) {
        rows.add(row(rows.size() + 1, "", "", "", prefix + "derived table " + fetch.tables() + " computed by:"));
        crossCluster(fetch.derived(), threshold, rows, prefix + "  ");
        rows.add(row(rows.size() + 1, "", "", "", prefix + joins));
      } else {
        rows.add(row(rows.size() + 1, fetch.cluster(), fetch.sqlFor(fetch.bound() ? 1 : 0), binds(fetch, threshold),
            prefix + joins));
      }
    }
    List<String> memory = new ArrayList<>();
    if (!plan.filters().isEmpty()) {
      memory.add("filter " + plan.filters());
    }
    plan.aggregation().ifPresent(grouping -> memory.add("group by " + grouping.keys() + " computing "
        + grouping.aggregates() + (grouping.having().isEmpty() ? "" : " having " + grouping.having())));
    memory.add("output " + plan.outputs());
    if (plan.distinct()) {
      memory.add("distinct");
    }
    if (!plan.order().isEmpty()) {
      memory.add((plan.orderedAtSource() ? "order (sorted by step 1's cluster) " : "order ") + plan.order());
    }
    plan.offset().ifPresent(bound -> memory.add("offset " + bound));
    plan.limit().ifPresent(bound -> memory.add("limit " + bound));
    rows.add(row(rows.size() + 1, "", "", "", prefix + String.join("; ", memory)));
  }

  private static String binds(Fetch fetch, long threshold) {
    if (!fetch.bound()) {
      return "";
    }
    String form = fetch.bindsArray() ? "one " + fetch.keyArrayType() + " array" : "IN list";
    String strategy = fetch.strategyRule(threshold)
        + (fetch.cutsTop() ? "; when bound, only its top rows:" + fetch.topOrder() + " LIMIT offset + limit" : "");
    return "keys of slots " + java.util.Arrays.toString(fetch.keySlots()) + " as " + form + " (" + strategy + ")";
  }

  private static void setOperation(SetOperationPlan plan, long threshold, List<Object[]> rows) {
    for (int i = 0; i < plan.branches().size(); i++) {
      SetOperationPlan.Branch branch = plan.branches().get(i);
      if (branch instanceof SetOperationPlan.OneCluster one) {
        rows.add(row(rows.size() + 1, one.cluster(), one.sql(), "", "branch " + (i + 1)));
      } else {
        rows.add(row(rows.size() + 1, "", "", "", "branch " + (i + 1) + " across clusters:"));
        crossCluster(((SetOperationPlan.Decomposed) branch).plan(), threshold, rows, "  ");
      }
    }
    rows.add(row(rows.size() + 1, "", "", "", "combine " + plan.operators() + (plan.order().isEmpty() ? ""
        : "; order " + plan.order()) + plan.limit().map(b -> "; limit " + b).orElse("")));
  }

  private static Object[] row(int step, String cluster, String sql, String binds, String inMemory) {
    return new Object[] {step, cluster, sql, binds, inMemory};
  }
}
