package io.xcluster.driver.jdbc;

import io.xcluster.config.Options;
import io.xcluster.driver.QueryEvent;
import io.xcluster.driver.exec.ExecutionContext;
import io.xcluster.driver.runtime.Target;
import io.xcluster.driver.runtime.TextCollation;
import io.xcluster.error.SqlState;
import io.xcluster.rewriter.Dialect;
import io.xcluster.rewriter.StatementKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A cross-cluster execution's view of the statement that runs it and of that statement's connection. It
 * remembers the target (primary or replica) of every connection it lent, so that each physical query's event
 * names the server that served it and a replica whose connection failed leaves the rotation.
 */
final class StatementContext implements ExecutionContext {
  private static final Object[] NO_VALUES = new Object[0];

  private final Map<Connection, Target> lent = Collections.synchronizedMap(new IdentityHashMap<>(4));
  private volatile boolean replicaFailed;

  private final XClusterConnection connection;
  private final String sql;
  private final Parameters parameters;
  private final Limits limits;
  private final io.xcluster.driver.exec.StatementControl control;

  StatementContext(XClusterConnection connection, String sql, Parameters parameters, StatementSettings settings,
      io.xcluster.driver.exec.StatementControl control) {
    this.connection = connection;
    this.sql = sql;
    this.parameters = parameters;
    this.control = control;
    Options options = connection.runtime().options();
    this.limits = new Limits(options.maxRowsInMemory(), options.maxCrossJoinRows(), options.bindBatchSize(),
        options.hashJoinThreshold(), settings.fetchSize, settings.queryTimeoutSeconds, settings.maxRows);
  }

  @Override
  public Connection acquire(String cluster) throws SQLException {
    Connection physical = connection.acquire(cluster, StatementKind.QUERY);
    connection.targetOf(physical).ifPresent(target -> lent.put(physical, target));
    return physical;
  }

  @Override
  public void release(Connection physical) {
    connection.release(physical);
  }

  @Override
  public Connection borrowExtra(String cluster, int leaveIdle) throws SQLException {
    return connection.borrowExtra(cluster, leaveIdle).map(lease -> {
      lent.put(lease.physical(), lease.target());
      return lease.physical();
    }).orElse(null);
  }

  /** Whether a query of this execution failed because a replica's connection did (a read worth one retry). */
  boolean replicaFailed() {
    return replicaFailed;
  }

  @Override
  public List<String> servers(io.xcluster.rewriter.CrossClusterPlan.Fetch fetch) throws SQLException {
    if (!connection.runtime().cluster(fetch.cluster()).isSharded()) {
      return List.of(fetch.cluster());
    }
    return connection.shards(fetch.cluster()).servers(fetch.shards(), parameterValues(), false);
  }

  @Override
  public java.util.Optional<String> serverOfKey(String cluster, Object key,
      io.xcluster.config.Sharding.KeyType keyType) throws SQLException {
    return connection.shards(cluster).serverOf(key, keyType);
  }

  @Override
  public void bindParameter(int index, PreparedStatement target, int position) throws SQLException {
    Parameters.Binder binder = parameters == null ? null : parameters.binder(index);
    if (binder == null) {
      throw SqlExceptions.of(SqlState.INVALID_PARAMETER, "no value specified for parameter " + index);
    }
    binder.bind(target, position);
  }

  @Override
  public java.util.List<io.xcluster.driver.result.ColumnMeta> knownColumns(
      io.xcluster.rewriter.CrossClusterPlan.Fetch fetch) {
    return connection.runtime().knownColumns(fetch);
  }

  @Override
  public void rememberColumns(io.xcluster.rewriter.CrossClusterPlan.Fetch fetch,
      java.util.List<io.xcluster.driver.result.ColumnMeta> columns) {
    connection.runtime().rememberColumns(fetch, columns);
  }

  @Override
  public Object[] parameterValues() {
    return parameters == null ? NO_VALUES : parameters.values();
  }

  @Override
  public Limits limits() {
    return limits;
  }

  @Override
  public boolean readsThroughCursor(String cluster) throws SQLException {
    return readsThroughCursor(connection.runtime().config().cluster(cluster).url(), limits.fetchSize(),
        connection.getAutoCommit());
  }

  /**
   * The rule of {@link ExecutionContext#readsThroughCursor}, shared with EXPLAIN; it needs a fetch size. pgjdbc
   * reads a forward-only result through a cursor when auto-commit is off and the connection uses the extended
   * protocol (not {@code preferQueryMode=simple}); every physical connection of a transaction has auto-commit
   * off ({@link ConnectionState#applyTo}), so the xcluster connection's setting tells. MySQL's driver opens a
   * server-side cursor, in a transaction or not, when the cluster's URL sets {@code useCursorFetch=true}.
   */
  static boolean readsThroughCursor(String clusterUrl, int fetchSize, boolean autoCommit) {
    if (fetchSize <= 0) {
      return false;
    }
    String url = clusterUrl.toLowerCase(java.util.Locale.ROOT);
    return switch (Dialect.ofUrl(clusterUrl)) {
      case POSTGRESQL -> !autoCommit && !url.contains("preferquerymode=simple");
      case MYSQL -> url.contains("usecursorfetch=true");
      default -> false;
    };
  }

  @Override
  public java.util.Optional<String> conflictingCollation(String cluster) throws SQLException {
    if (connection.runtime().options().codePointTextOrder()) {
      return java.util.Optional.empty();
    }
    TextCollation collation = connection.runtime().knownCollation(cluster).orElse(null);
    if (collation == null) {
      Connection physical = acquire(cluster);
      try {
        collation = connection.runtime().collation(cluster, physical);
      } finally {
        release(physical);
      }
    }
    return collation.codePoint() ? java.util.Optional.empty() : java.util.Optional.of(collation.name());
  }

  @Override
  public io.xcluster.driver.exec.StatementControl control() {
    return control;
  }

  @Override
  public java.util.concurrent.ExecutorService fetchers() {
    return connection.runtime().fetchers();
  }

  @Override
  public void onQuery(String cluster, Connection ranOn, String physicalSql, int count, long rows, long nanos,
      SQLException failure, QueryEvent.Kind kind) {
    Target target = lent.getOrDefault(ranOn, Target.primary(cluster));
    if (failure != null && !target.isPrimary() && SqlExceptions.isConnectionFailure(failure)) {
      connection.replicaFailed(target, failure);
      replicaFailed = true;
    }
    if (connection.observed()) {
      connection.queryRan(new QueryEvent(cluster, physicalSql, count, rows, nanos, sql, failure, kind,
          target.label()));
    }
  }
}
