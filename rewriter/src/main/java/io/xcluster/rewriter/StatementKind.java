package io.xcluster.rewriter;

/** What a statement does, as far as routing and transactions care. */
public enum StatementKind {
  /** A plain SELECT (or VALUES / set operation of selects). */
  QUERY,
  /** SELECT ... FOR UPDATE / FOR SHARE: reads, but takes row locks. */
  LOCKING_QUERY,
  INSERT,
  UPDATE,
  DELETE,
  /** MERGE, UPSERT, REPLACE. */
  MERGE,
  /** CREATE / ALTER / DROP / TRUNCATE / RENAME / COMMENT and other schema changes. */
  DDL,
  /** CALL / EXEC of a stored routine: may write. */
  CALL,
  /** Session statements that change no data: SET, SHOW, USE, EXPLAIN of a single-cluster statement... */
  SESSION,
  /** Parsed, but none of the above. Treated as a possible write. */
  OTHER,
  /** JSqlParser could not parse it. Treated as a possible write. */
  UNPARSED;

  /**
   * Whether the statement may change data on its cluster. Unknown statements count as writes, so that the
   * one-writing-cluster-per-transaction rule stays safe.
   */
  public boolean mayWrite() {
    return switch (this) {
      case QUERY, LOCKING_QUERY, SESSION -> false;
      default -> true;
    };
  }
}
