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
 * SQLState and vendor code, as its framework's exception translator expects.
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

  /** Sets {@code next} as suppressed on {@code first}, or returns {@code next} when there is no first yet. */
  static SQLException chain(SQLException first, SQLException next) {
    if (first == null) {
      return next;
    }
    first.addSuppressed(next);
    return first;
  }
}
