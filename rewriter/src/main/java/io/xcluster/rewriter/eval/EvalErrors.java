package io.xcluster.rewriter.eval;

import io.xcluster.error.SqlState;
import io.xcluster.error.XClusterException;

/**
 * The exceptions the evaluator throws, so that every refusal reads the same way.
 *
 * <p>There are two kinds. A refusal ({@code 0A000}) means the evaluator cannot promise PostgreSQL's answer
 * and declines rather than guess. A data error ({@code 22023}, class 22 "data exception") means
 * PostgreSQL itself would reject the value: division by zero, a number out of range, an invalid input
 * string. {@link SqlState} has no separate division-by-zero ({@code 22012}) or out-of-range ({@code 22003})
 * state, so the message says which one it is.
 */
final class EvalErrors {
  private EvalErrors() {}

  /** A construct or value the in-memory evaluator declines to compute. */
  static XClusterException unsupported(String construct, String reason) {
    return new XClusterException(SqlState.FEATURE_NOT_SUPPORTED, construct
        + " would have to run in memory across clusters, which xcluster does not support (" + reason
        + "). Fix: rewrite the query so that this part runs inside a single cluster");
  }

  /** A value PostgreSQL would reject with an error, reported the same way. */
  static XClusterException dataError(String message) {
    return new XClusterException(SqlState.INVALID_PARAMETER, message);
  }

  static XClusterException divisionByZero() {
    return dataError("division by zero (SQLSTATE 22012 in PostgreSQL)");
  }

  static XClusterException outOfRange(String type) {
    return dataError(type + " out of range (SQLSTATE 22003 in PostgreSQL)");
  }
}
