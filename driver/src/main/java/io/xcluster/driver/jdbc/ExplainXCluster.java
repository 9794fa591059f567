package io.xcluster.driver.jdbc;

import io.xcluster.config.Options;
import io.xcluster.driver.QueryEvent;
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
import java.util.function.Predicate;
import java.util.stream.Stream;

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
  private static final List<ColumnMeta> ANALYZED = java.util.stream.Stream.concat(COLUMNS.stream(), Stream.of(
      ColumnMeta.computed("queries", Types.BIGINT, "int8", Long.class),
      ColumnMeta.computed("rows", Types.BIGINT, "int8", Long.class),
      ColumnMeta.computed("time_ms", Types.NUMERIC, "numeric", java.math.BigDecimal.class))).toList();

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

  /**
   * What a fetch's join strategy depends on besides the plan: the options, and which clusters' drivers would
   * hand this statement's rows over through a cursor ({@code ExecutionContext.readsThroughCursor}).
   */
  record Strategy(Options options, Predicate<String> readsThroughCursor) {}

  static XClusterResultSet describe(Plan plan, Strategy strategy, Statement owner) {
    List<Object[]> rows = steps(plan, strategy).stream()
        .map(step -> java.util.Arrays.copyOf(step, COLUMNS.size())).toList();
    return new XClusterResultSet(COLUMNS, RowSource.of(rows), owner, ResultSet.TYPE_FORWARD_ONLY, () -> { });
  }

  /**
   * {@code EXPLAIN XCLUSTER ANALYZE}: the plan's rows with what running it cost: per step the physical
   * queries it ran (key batches), the rows they returned and their time; a last row with the rows the
   * statement returned and its whole time. A query belongs to the step of its cluster whose SQL it starts
   * with (the longest such), as key predicates and LIMITs are appended to a step's SQL.
   */
  static XClusterResultSet analyzed(Plan plan, Strategy strategy, Statement owner, List<QueryEvent> ran,
      long resultRows, long nanos) {
    List<Object[]> steps = steps(plan, strategy);
    long[][] cost = new long[steps.size()][3];
    for (QueryEvent query : ran) {
      int best = -1;
      for (int i = 0; i < steps.size(); i++) {
        String stepSql = (String) steps.get(i)[COLUMNS.size()];
        if (stepSql != null && servedBy(query.cluster(), (String) steps.get(i)[1]) && query.sql().startsWith(stepSql)
            && (best < 0 || stepSql.length() > ((String) steps.get(best)[COLUMNS.size()]).length())) {
          best = i;
        }
      }
      if (best >= 0) {
        cost[best][0]++;
        cost[best][1] += Math.max(0, query.rows());
        cost[best][2] += query.nanos();
      }
    }
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      Object[] row = java.util.Arrays.copyOf(steps.get(i), ANALYZED.size());
      boolean physical = steps.get(i)[COLUMNS.size()] != null;
      row[COLUMNS.size()] = physical ? (Object) cost[i][0] : null;
      row[COLUMNS.size() + 1] = physical ? (Object) cost[i][1] : null;
      row[COLUMNS.size() + 2] = physical ? (Object) millis(cost[i][2]) : null;
      rows.add(row);
    }
    rows.add(new Object[] {rows.size() + 1, "", "", "", "returned " + resultRows + " rows", (long) ran.size(),
        resultRows, millis(nanos)});
    return new XClusterResultSet(ANALYZED, RowSource.of(rows), owner, ResultSet.TYPE_FORWARD_ONLY, () -> { });
  }

  private static java.math.BigDecimal millis(long nanos) {
    return java.math.BigDecimal.valueOf(nanos, 6).setScale(3, java.math.RoundingMode.HALF_UP);
  }

  /** Whether a query that ran on {@code server} served a step of {@code cluster} (one of its shards, say). */
  private static boolean servedBy(String server, String cluster) {
    return server.equals(cluster) || server.startsWith(cluster + "/");
  }

  /** The plan's rows; each has one more element: the SQL its physical queries start with (null in memory). */
  private static List<Object[]> steps(Plan plan, Strategy strategy) {
    List<Object[]> rows = new ArrayList<>();
    if (plan instanceof Plan.PassThrough route) {
      String where = route.reason() == Plan.Reason.SHARD_KEY ? " to " + route.shards() : "";
      rows.add(step(1, route.cluster(), route.sql(), "", "none: sent unchanged" + where + " (" + route.reason() + ")",
          route.sql()));
    } else if (plan instanceof SetOperationPlan setOperation) {
      setOperation(setOperation, strategy, rows);
    } else {
      crossCluster((CrossClusterPlan) plan, strategy, rows, "");
    }
    return rows;
  }

  private static void crossCluster(CrossClusterPlan plan, Strategy strategy, List<Object[]> rows, String prefix) {
    for (int i = 0; i < plan.fetches().size(); i++) {
      Fetch fetch = plan.fetches().get(i);
      String joins = i == 0 ? "" : plan.joins().get(i - 1).toString();
      if (fetch.isDerived()) {
        rows.add(row(rows.size() + 1, "", "", "", prefix + "derived table " + fetch.tables() + " computed by:"));
        crossCluster(fetch.derived(), strategy, rows, prefix + "  ");
        rows.add(row(rows.size() + 1, "", "", "", prefix + joins));
      } else {
        String shards = !fetch.shards().all() ? " [" + fetch.shards() + "]"
            : fetch.shardKeyColumn() >= 0 ? " [each key on its shard]" : "";
        boolean streamed = i == plan.fetches().size() - 1 && plan.streamsLastFetch()
            && !strategy.readsThroughCursor().test(fetch.cluster());
        rows.add(step(rows.size() + 1, fetch.cluster(), fetch.sqlFor(fetch.bound() ? 1 : 0),
            binds(fetch, streamed, strategy.options()) + shards, prefix + joins, fetch.sql()));
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

  private static String binds(Fetch fetch, boolean streamed, Options options) {
    if (!fetch.bound()) {
      return "";
    }
    String form = fetch.bindsArray() ? "one " + fetch.keyArrayType() + " array" : "IN list";
    String strategy = fetch.strategyRule(options.hashJoinThreshold(), streamed)
        + (fetch.cutsTop() ? "; when bound, only its top rows:" + fetch.topOrder() + " LIMIT offset + limit" : "");
    return "keys of slots " + java.util.Arrays.toString(fetch.keySlots()) + " as " + form + ", up to "
        + options.bindBatchSize() + " keys per query (" + strategy + ")";
  }

  private static void setOperation(SetOperationPlan plan, Strategy strategy, List<Object[]> rows) {
    for (int i = 0; i < plan.branches().size(); i++) {
      SetOperationPlan.Branch branch = plan.branches().get(i);
      if (branch instanceof SetOperationPlan.OneCluster one) {
        rows.add(step(rows.size() + 1, one.cluster(), one.sql(), "", "branch " + (i + 1), one.sql()));
      } else {
        rows.add(row(rows.size() + 1, "", "", "", "branch " + (i + 1) + " across clusters:"));
        crossCluster(((SetOperationPlan.Decomposed) branch).plan(), strategy, rows, "  ");
      }
    }
    rows.add(row(rows.size() + 1, "", "", "", "combine " + plan.operators() + (plan.order().isEmpty() ? ""
        : "; order " + plan.order()) + plan.limit().map(b -> "; limit " + b).orElse("")));
  }

  private static Object[] row(int step, String cluster, String sql, String binds, String inMemory) {
    return new Object[] {step, cluster, sql, binds, inMemory, null};
  }

  private static Object[] step(int step, String cluster, String sql, String binds, String inMemory, String physical) {
    return new Object[] {step, cluster, sql, binds, inMemory, physical};
  }

  /** The statement after {@code ANALYZE }, when the target of EXPLAIN XCLUSTER starts with it. */
  static Optional<String> analyzeTarget(String target) {
    String analyze = "ANALYZE";
    if (target.length() > analyze.length() && target.regionMatches(true, 0, analyze, 0, analyze.length())
        && Character.isWhitespace(target.charAt(analyze.length()))) {
      return Optional.of(target.substring(analyze.length()).strip());
    }
    return Optional.empty();
  }
}
