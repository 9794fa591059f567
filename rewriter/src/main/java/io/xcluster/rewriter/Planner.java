package io.xcluster.rewriter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.xcluster.config.XClusterConfig;
import io.xcluster.error.SqlState;
import io.xcluster.error.XClusterException;
import io.xcluster.rewriter.parse.ParseResult;
import io.xcluster.rewriter.parse.SqlParser;
import java.util.Objects;

/**
 * Turns SQL text into a {@link Plan}. Thread-safe; plans are cached per SQL string (bounded by
 * {@code parseCacheSize}), so a repeated statement costs one map lookup and returns the same instance.
 * Failures are not cached: each call with a failing string tries again and throws again.
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
 *
 * <p>A parse that runs out of {@code parseTimeoutMillis} is a SYNTAX_ERROR even when a default cluster is
 * set: the statement is not known to be unparsable, and where it would go must not depend on load. A string
 * holding several statements is refused (FEATURE_NOT_SUPPORTED) unless a hint routes it.
 */
public final class Planner {
  private final SqlParser parser;
  private final Router router;
  private final Cache<String, Plan> plans;

  public Planner(XClusterConfig config) {
    Objects.requireNonNull(config, "config");
    long timeoutMillis = config.options().parseTimeoutMillis();
    if (timeoutMillis <= 0) {
      throw new XClusterException(SqlState.CONFIGURATION, "parseTimeoutMillis must be positive, was "
          + timeoutMillis + " in " + config.source() + ". Fix: remove it to use the default of 5000");
    }
    this.parser = new SqlParser(timeoutMillis);
    this.router = new Router(config, parser);
    // Eviction runs on the thread that adds a plan: Caffeine's default hands it to the common pool, and that
    // thread's wake-up cost a new statement about 13 µs, a tenth of its whole parse and plan.
    this.plans = Caffeine.newBuilder().maximumSize(Math.max(0, config.options().parseCacheSize()))
        .executor(Runnable::run).build();
  }

  /**
   * Plans without a column catalog: a SELECT across clusters is refused.
   *
   * @throws io.xcluster.error.XClusterException with the SQLState the driver reports
   */
  public Plan plan(String sql) {
    return plan(sql, ColumnCatalog.NONE);
  }

  /**
   * Plans, decomposing a SELECT across clusters with the columns {@code catalog} reports. The catalog is only
   * asked when the plan is not cached yet.
   *
   * @throws io.xcluster.error.XClusterException with the SQLState the driver reports
   */
  public Plan plan(String sql, ColumnCatalog catalog) {
    if (sql == null) {
      throw new XClusterException(SqlState.INVALID_PARAMETER, "the SQL must not be null");
    }
    Plan cached = plans.getIfPresent(sql);
    if (cached != null) {
      return cached;
    }
    // Planned outside the cache's lock: a slow parse must not block other strings in the same bin.
    Plan planned = router.route(sql, catalog);
    Plan raced = plans.asMap().putIfAbsent(sql, planned);
    return raced == null ? planned : raced;
  }

  /**
   * How many {@code ?} parameters a statement holds, for a {@code ParameterMetaData} no one server can
   * describe (a SELECT across clusters, an EXPLAIN XCLUSTER). Parses again: it is asked rarely, and a plan
   * keeps no tree.
   *
   * @throws io.xcluster.error.XClusterException when the SQL does not parse
   */
  public int parameterCount(String sql) {
    if (parser.parse(sql) instanceof ParseResult.Parsed parsed) {
      return parsed.statement() instanceof net.sf.jsqlparser.statement.select.Select select
          ? io.xcluster.rewriter.cross.ParameterOrder.of(select).size()
          : io.xcluster.rewriter.cross.ParameterOrder.ofStatement(parsed.statement()).size();
    }
    throw new XClusterException(SqlState.SYNTAX_ERROR, "cannot count the parameters of a statement that does"
        + " not parse");
  }

  /** Forgets every cached plan: after DDL, a plan's view of a table's columns may be stale. */
  public void invalidate() {
    plans.invalidateAll();
  }
}
