package io.xcluster.driver;

/**
 * Told of every physical query xcluster sends to a cluster, with the logical statement it served: enough to
 * assert in a test that a statement cost exactly the queries expected, or to log and measure per cluster.
 *
 * <p>Register on an {@link XClusterDataSource} (every connection it makes) or on one connection through
 * {@code connection.unwrap(XClusterConnection.class).addQueryListener(...)}. Called on the thread that ran
 * the query, after it ran; keep it quick. A listener that throws is ignored for that event.
 */
@FunctionalInterface
public interface QueryListener {
  void onQuery(QueryEvent event);
}
