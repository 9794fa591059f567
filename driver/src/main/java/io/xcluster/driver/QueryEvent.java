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
 */
public record QueryEvent(
    String cluster, String sql, int parameters, long rows, long nanos, String statement, SQLException failure) {

  public boolean failed() {
    return failure != null;
  }
}
