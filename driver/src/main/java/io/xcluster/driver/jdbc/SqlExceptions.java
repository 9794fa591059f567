package io.xcluster.driver.jdbc;

import io.xcluster.error.SqlState;
import io.xcluster.error.XClusterException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLNonTransientException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;

/**
 * The one factory for the SQLExceptions xcluster raises itself. Errors raised by a cluster's database for a
 * statement xcluster passed through are never wrapped: the application sees the database's own exception,
 * SQLState and vendor code, as its framework's exception translator expects. A query that xcluster itself
 * sent for one step of a cross-cluster statement is different: its failure is wrapped to name the cluster
 * and what the step reads ({@link #inStep}), keeping the SQLState, the vendor code and the cause.
 */
public final class SqlExceptions {
  private SqlExceptions() {}

  /** Converts a failure of xcluster's own layers into the java.sql subclass its SQLState calls for. */
  public static SQLException from(XClusterException failure) {
    return of(failure.state(), failure.getMessage(), failure);
  }

  public static SQLException of(SqlState state, String message) {
    return of(state, message, null);
  }

  public static SQLException of(SqlState state, String message, Throwable cause) {
    String code = state.code();
    return switch (state) {
      case CONFIGURATION, CONNECTION_CLOSED -> new SQLNonTransientConnectionException(message, code, cause);
      case CONNECTION_FAILURE -> new SQLTransientConnectionException(message, code, cause);
      case SYNTAX_ERROR, UNDEFINED_TABLE, AMBIGUOUS_TABLE, UNDEFINED_COLUMN, AMBIGUOUS_COLUMN, GROUPING_ERROR -> new SQLSyntaxErrorException(message, code, cause);
      case FEATURE_NOT_SUPPORTED -> new SQLFeatureNotSupportedException(message, code, cause);
      case QUERY_CANCELED -> new SQLTimeoutException(message, code, cause);
      case INVALID_TRANSACTION_STATE, INVALID_PARAMETER, DATATYPE_MISMATCH, CARDINALITY_VIOLATION
          -> new SQLNonTransientException(message, code, cause);
      case OBJECT_NOT_IN_STATE, INTERNAL_ERROR, PROGRAM_LIMIT_EXCEEDED -> new SQLException(message, code, cause);
    };
  }

  /** A statement stopped by {@code Statement.cancel()} (57014, not a timeout). */
  public static SQLException canceled(String message, Throwable cause) {
    return new SQLException(message, SqlState.QUERY_CANCELED.code(), cause);
  }

  /**
   * A physical query of a cross-cluster step failed. The message names the cluster and the step's tables;
   * the SQLState, vendor code and cause are the database's, and the java.sql subclass is the one the
   * SQLState's class calls for (08 connection, 22 data, 23 integrity, 40 rollback, 42 syntax).
   */
  public static SQLException inStep(String cluster, String tables, SQLException cause) {
    String state = cause.getSQLState();
    String message = "cluster '" + cluster + "' failed while reading " + tables + " for a cross-cluster"
        + " statement, which returns nothing: " + cause.getMessage();
    String family = state == null || state.length() < 2 ? "" : state.substring(0, 2);
    int code = cause.getErrorCode();
    return switch (family) {
      case "08" -> new SQLTransientConnectionException(message + ". Fix: retry once the cluster is reachable",
          state, code, cause);
      case "22" -> new java.sql.SQLDataException(message, state, code, cause);
      case "23" -> new java.sql.SQLIntegrityConstraintViolationException(message, state, code, cause);
      case "40" -> new java.sql.SQLTransactionRollbackException(message, state, code, cause);
      case "42" -> new SQLSyntaxErrorException(message, state, code, cause);
      default -> new SQLException(message, state, code, cause);
    };
  }

  /** For a JDBC method xcluster does not implement. */
  public static SQLFeatureNotSupportedException unsupported(String method) {
    return new SQLFeatureNotSupportedException(
        "xcluster does not support " + method, SqlState.FEATURE_NOT_SUPPORTED.code());
  }

  /** A cluster could not lend a connection: names the cluster and its (masked) URL, keeps the cause. */
  public static SQLException clusterUnavailable(String cluster, String safeUrl, SQLException cause) {
    String state = cause.getSQLState() != null && cause.getSQLState().startsWith("08")
        ? cause.getSQLState() : SqlState.CONNECTION_FAILURE.code();
    return new SQLTransientConnectionException(
        "cluster '" + cluster + "' (" + safeUrl + ") could not lend a connection: " + cause.getMessage()
            + ". Fix: check that the cluster is up and reachable, or raise its pool's connectionTimeout",
        state, cause);
  }

  /**
   * A read of a cluster whose replicas are all out of rotation while its {@code whenNoReplica} is {@code fail}
   * (08006): names the cluster and each replica, and the fix.
   */
  public static SQLException noReplica(String cluster, String replicas, java.time.Duration probeInterval,
      SQLException cause) {
    return new SQLTransientConnectionException("cluster '" + cluster + "' has no read replica in rotation"
        + " (replicas: " + replicas + ") and its whenNoReplica is 'fail', so the read is refused. Fix: bring a"
        + " replica back (xcluster probes each one out of rotation every " + probeInterval.toMillis() + " ms and"
        + " returns it when it answers), or set whenNoReplica: primary to read from the primary meanwhile",
        SqlState.CONNECTION_FAILURE.code(), cause);
  }

  /**
   * Whether a failure means the connection or its server is gone (SQLState class 08, or the java.sql types
   * drivers use for that), as opposed to an error of the statement itself.
   */
  public static boolean isConnectionFailure(SQLException failure) {
    String state = failure.getSQLState();
    return (state != null && state.startsWith("08")) || failure instanceof SQLTransientConnectionException
        || failure instanceof SQLNonTransientConnectionException || failure instanceof java.sql.SQLRecoverableException;
  }

  /** Sets {@code next} as suppressed on {@code first}, or returns {@code next} when there is no first yet. */
  static SQLException chain(SQLException first, SQLException next) {
    if (first == null) {
      return next;
    }
    first.addSuppressed(next);
    return first;
  }
}
