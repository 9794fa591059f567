package io.xcluster.driver;

import java.sql.SQLException;

/**
 * One physical query.
 *
 * @param cluster the cluster it ran on
 * @param sql the SQL sent (parameter values are never included)
 * @param parameters how many values it bound (the elements of an array of join keys each count)
 * @param rows rows read for a query of a cross-cluster plan, the update count for a write, -1 when unknown
 *     (a pass-through query streams its rows to the application)
 * @param nanos how long it took to run (and, for a cross-cluster step, to read its rows)
 * @param statement the application's SQL it served
 * @param failure the error, or null when it succeeded
 * @param kind what the query was to its statement: sent whole, or which step of a cross-cluster plan, and
 *     with which join strategy
 * @param target the physical server that served it: {@code "<cluster>"} for the cluster's primary,
 *     {@code "<cluster>/<replica>"} for one of its read replicas
 */
public record QueryEvent(String cluster, String sql, int parameters, long rows, long nanos, String statement,
    SQLException failure, Kind kind, String target) {

  /** What a physical query was to the logical statement it served. */
  public enum Kind {
    /** The whole statement, sent unchanged to the one cluster it reads or writes. */
    PASS_THROUGH,
    /** A step of a cross-cluster plan that binds no keys: the first read, or a set-operation branch. */
    FETCH,
    /** A step with the keys read so far bound into it (IN list or {@code = ANY(?)}); one query per batch. */
    BIND_JOIN,
    /** A step that could bind keys but ran once with only its own filters; the join happens in memory. */
    HASH_JOIN
  }

  public boolean failed() {
    return failure != null;
  }

  /** Whether a read replica served it (its {@link #target} names the replica), not the cluster's primary. */
  public boolean onReplica() {
    return !target.equals(cluster);
  }
}
