package io.xcluster.rewriter;

import io.xcluster.config.XClusterConfig;

/**
 * Turns SQL text into a {@link Plan}. Thread-safe; plans are cached per SQL string (bounded by
 * {@code parseCacheSize}), so a repeated statement costs one map lookup.
 *
 * <p>Routing rules:
 * <ul>
 *   <li>A leading hint comment {@code /* xcluster:cluster=NAME *&#47;} sends the statement to NAME unparsed
 *       (unknown NAME: CONFIGURATION error naming the known clusters).</li>
 *   <li>Every table the statement names (in FROM, JOIN, subqueries, CTE bodies, INSERT/UPDATE/DELETE targets,
 *       DDL targets; CTE names excluded) is resolved through the {@link io.xcluster.config.TableMap}; when
 *       they all live in one cluster the statement passes through to it verbatim.</li>
 *   <li>No table: the default cluster, else the first cluster declared.</li>
 *   <li>Unparsable: the default cluster when one is set, else SYNTAX_ERROR with the parser's line and
 *       column and the hint-comment fix.</li>
 *   <li>Tables in several clusters: FEATURE_NOT_SUPPORTED naming each table and its cluster (a SELECT is
 *       decomposed by later work; a write across clusters is always refused).</li>
 * </ul>
 */
public final class Planner {

  public Planner(XClusterConfig config) {
    throw new UnsupportedOperationException("implemented by the rewriter work");
  }

  /**
   * @throws io.xcluster.error.XClusterException with the SQLState the driver reports
   */
  public Plan plan(String sql) {
    throw new UnsupportedOperationException("implemented by the rewriter work");
  }
}
