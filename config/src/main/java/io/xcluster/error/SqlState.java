package io.xcluster.error;

/**
 * The SQLStates xcluster reports, in one place, so every layer agrees on them.
 * The driver turns an {@link XClusterException} into the matching {@code java.sql} exception subclass
 * by the state's class (08 connection, 0A unsupported, 42 syntax/access, 57014 timeout...).
 */
public enum SqlState {
  /** The configuration (URL, YAML, environment) prevents a connection from being made. */
  CONFIGURATION("08001"),
  /** A cluster could not be reached or its connection broke. */
  CONNECTION_FAILURE("08006"),
  /** SQL that cannot be parsed. */
  SYNTAX_ERROR("42601"),
  /** A table the cluster map does not place (and no defaultCluster). */
  UNDEFINED_TABLE("42P01"),
  /** A name that matches several clusters' mappings equally well. */
  AMBIGUOUS_TABLE("42702"),
  /** A column that no FROM item has. */
  UNDEFINED_COLUMN("42703"),
  /** An unqualified column that several FROM items have. */
  AMBIGUOUS_COLUMN("42702"),
  /** Values whose types cannot be brought to one, e.g. text and integer in one set-operation column. */
  DATATYPE_MISMATCH("42804"),
  /** A scalar subquery that returned more than one row for one outer row. */
  CARDINALITY_VIOLATION("21000"),
  /** A column outside GROUP BY and aggregates in a grouped SELECT. */
  GROUPING_ERROR("42803"),
  /** A result larger than xcluster agrees to hold in memory (maxRowsInMemory, maxCrossJoinRows). */
  PROGRAM_LIMIT_EXCEEDED("54000"),
  /** A construct xcluster cannot run correctly (it refuses rather than answer wrongly). */
  FEATURE_NOT_SUPPORTED("0A000"),
  /** A statement that the transaction's state forbids, e.g. writes to a second cluster. */
  INVALID_TRANSACTION_STATE("25000"),
  /** The statement ran out of time or was cancelled. */
  QUERY_CANCELED("57014"),
  /** A connection used after close. */
  CONNECTION_CLOSED("08003"),
  /** A statement or result set used after close, or in a state that does not allow the call. */
  OBJECT_NOT_IN_STATE("55000"),
  /** A value or argument that is not acceptable. */
  INVALID_PARAMETER("22023"),
  /** Anything else that went wrong inside xcluster. */
  INTERNAL_ERROR("XX000");

  private final String code;

  SqlState(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
