package io.xcluster.driver.exec;

import io.xcluster.driver.QueryEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * What a cross-cluster execution needs from the JDBC layer: the clusters' connections (taken from the
 * logical connection, so transactions and the one-connection-per-cluster rule hold), the statement's
 * parameters, its limits, and where to report each physical query.
 */
public interface ExecutionContext {

  /**
   * The cluster's physical connection for one step (from its primary or a read replica, as the statement's
   * connection routes reads); paired with {@link #release}.
   */
  Connection acquire(String cluster) throws SQLException;

  /** Gives back a connection {@link #acquire} lent. */
  void release(Connection connection);

  /**
   * Another connection for a read of the cluster, from the server its reads go to, only if one is free at
   * once and no transaction is open; else null. The caller closes it.
   */
  default Connection borrowExtra(String cluster) throws SQLException {
    return borrowExtra(cluster, 0);
  }

  /**
   * As {@link #borrowExtra(String)}, only while the pool keeps {@code leaveIdle} more idle connections for other
   * statements: for a connection held as long as the application takes to read.
   */
  Connection borrowExtra(String cluster, int leaveIdle) throws SQLException;

  /**
   * The servers a fetch's query runs on: its cluster's one server, or the shards of a sharded table its
   * conditions and the connection's shard pin allow.
   */
  java.util.List<String> servers(io.xcluster.rewriter.CrossClusterPlan.Fetch fetch) throws SQLException;

  /**
   * The shard server that holds one key of a sharded cluster; empty when none does (or not the pinned one, or
   * the key cannot be a value of the shard key column, as 7.5 of an integer column).
   */
  java.util.Optional<String> serverOfKey(String cluster, Object key, io.xcluster.config.Sharding.KeyType keyType)
      throws SQLException;

  /** Replays the setter of the statement's parameter {@code index} (1-based) at {@code position}. */
  void bindParameter(int index, PreparedStatement target, int position) throws SQLException;

  /** The statement's parameter values as set, {@code values()[0]} being parameter 1; empty without any. */
  Object[] parameterValues();

  Limits limits();

  /**
   * Whether the cluster's driver hands a query's rows over a fetch size at a time instead of reading its whole
   * result first: pgjdbc does when the statement has a fetch size and a transaction is open, MySQL's driver
   * when the statement has a fetch size and the URL sets {@code useCursorFetch=true} (both then read through a
   * cursor). A streamed fetch may then run unbound and still hold only that many rows.
   */
  boolean readsThroughCursor(String cluster) throws SQLException;

  /**
   * The collation of the cluster when it orders text otherwise than by code point and the configuration does
   * not accept code-point order for in-memory sorts; empty when xcluster may sort the cluster's text itself.
   */
  java.util.Optional<String> conflictingCollation(String cluster) throws SQLException;

  /** The deadline and cancellation every physical statement of this execution registers with. */
  StatementControl control();

  /** Where fetches of different clusters run in parallel. */
  java.util.concurrent.ExecutorService fetchers();

  /**
   * Reports one physical query. {@code ranOn} is the connection it ran on (one {@link #acquire} or
   * {@link #borrowExtra} lent), which tells the server that served it and, for a connection failure, which
   * replica to take out of rotation.
   */
  void onQuery(String cluster, Connection ranOn, String sql, int parameters, long rows, long nanos,
      SQLException failure, QueryEvent.Kind kind);

  /** The columns {@code fetch} returned when it last ran; empty when unknown (the fetch then describes them). */
  default java.util.List<io.xcluster.driver.result.ColumnMeta> knownColumns(
      io.xcluster.rewriter.CrossClusterPlan.Fetch fetch) {
    return java.util.List.of();
  }

  /** Keeps what a fetch's cluster said its columns are, for the fetch's next run. */
  default void rememberColumns(io.xcluster.rewriter.CrossClusterPlan.Fetch fetch,
      java.util.List<io.xcluster.driver.result.ColumnMeta> columns) {}

  /**
   * @param maxRowsInMemory most rows held at once before the statement fails (54000)
   * @param maxCrossJoinRows most rows a join without equality may produce
   * @param bindBatchSize most key tuples bound into one query
   * @param hashJoinThreshold above this many keys, a fetch with filters of its own runs unbound (hash join)
   * @param fetchSize the statement's fetch size (0: the driver's default)
   * @param queryTimeoutSeconds the statement's query timeout (0: none)
   * @param maxRows the statement's max rows (0: all)
   */
  record Limits(long maxRowsInMemory, long maxCrossJoinRows, int bindBatchSize, long hashJoinThreshold,
      int fetchSize, int queryTimeoutSeconds, long maxRows) {}
}
