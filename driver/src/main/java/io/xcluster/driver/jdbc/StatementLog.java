package io.xcluster.driver.jdbc;

import io.xcluster.driver.QueryEvent;
import io.xcluster.rewriter.CrossClusterPlan;
import io.xcluster.rewriter.CrossClusterPlan.Fetch;
import io.xcluster.rewriter.Plan;
import io.xcluster.rewriter.SetOperationPlan;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The statement log, through SLF4J under the logger {@value #NAME}: at DEBUG each logical statement the
 * application runs, with how it was planned, in one line; at TRACE each physical query (cluster or replica, kind, SQL,
 * parameter count, rows, time). Only SQL text with its {@code ?} markers is logged: never parameter values,
 * and never URLs or credentials. Statements longer than {@value #MAX_SQL} characters are shortened.
 */
final class StatementLog {
  static final String NAME = "io.xcluster.statements";
  static final int MAX_SQL = 2_000;
  private static final Logger LOG = LoggerFactory.getLogger(NAME);

  private StatementLog() {}

  /** Whether physical queries are logged, so that events must be made even without listeners. */
  static boolean tracing() {
    return LOG.isTraceEnabled();
  }

  static void statement(String sql, Plan plan) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} <- {}", summary(plan), shortened(sql));
    }
  }

  static void query(QueryEvent event) {
    if (LOG.isTraceEnabled()) {
      LOG.trace(describe(event));
    }
  }

  /** How a statement runs, in one line: its cluster, or its steps' clusters and the work done in memory. */
  static String summary(Plan plan) {
    if (plan instanceof Plan.PassThrough route) {
      return "cluster " + route.cluster() + " (" + route.reason().name().toLowerCase(Locale.ROOT) + ")";
    }
    if (plan instanceof SetOperationPlan setOperation) {
      return "set operation of " + setOperation.branches().size() + " branches " + setOperation.operators();
    }
    CrossClusterPlan cross = (CrossClusterPlan) plan;
    Set<String> clusters = new LinkedHashSet<>();
    List<String> steps = new ArrayList<>();
    for (Fetch fetch : cross.fetches()) {
      clusters.add(fetch.isDerived() ? "(derived)" : fetch.cluster());
      steps.add(fetch.isDerived() ? "derived" : fetch.cluster() + (fetch.bound() ? " bound" : ""));
    }
    List<String> memory = new ArrayList<>();
    if (!cross.filters().isEmpty()) {
      memory.add("filter");
    }
    cross.aggregation().ifPresent(grouping -> memory.add("group"));
    if (cross.distinct()) {
      memory.add("distinct");
    }
    if (!cross.order().isEmpty()) {
      memory.add(cross.orderedAtSource() ? "order (at source)" : "order");
    }
    cross.limit().ifPresent(limit -> memory.add("limit"));
    return "cross-cluster over " + clusters + ": " + String.join(" -> ", steps)
        + (memory.isEmpty() ? "" : "; in memory " + String.join(", ", memory));
  }

  /** One physical query: what the listener hears, without parameter values. */
  static String describe(QueryEvent event) {
    return event.target() + " " + event.kind() + " " + (event.failed() ? "FAILED " + event.failure().getSQLState()
        : event.rows() + " rows") + " in " + TimeUnit.NANOSECONDS.toMicros(event.nanos()) + " µs, "
        + event.parameters() + " parameters: " + shortened(event.sql());
  }

  private static String shortened(String sql) {
    return sql.length() <= MAX_SQL ? sql : sql.substring(0, MAX_SQL) + "... (" + sql.length() + " characters)";
  }
}
