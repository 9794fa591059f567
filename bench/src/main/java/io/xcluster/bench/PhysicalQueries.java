package io.xcluster.bench;

import io.xcluster.driver.QueryEvent;
import io.xcluster.driver.QueryListener;
import io.xcluster.driver.XClusterDataSource;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts the physical queries one xcluster statement costs, per cluster, for the line each benchmark
 * prints before measuring (e.g. {@code accounts=1, content=1}): the plan's shape, in numbers.
 */
final class PhysicalQueries implements QueryListener {
  private final Map<String, Integer> byCluster = new TreeMap<>();

  @Override
  public synchronized void onQuery(QueryEvent event) {
    byCluster.merge(event.cluster(), 1, Integer::sum);
  }

  /** Runs {@code statement} on {@code source} and describes the queries it cost. */
  static String of(XClusterDataSource source, SameResults.Path statement) throws Exception {
    PhysicalQueries counter = new PhysicalQueries();
    source.addQueryListener(counter);
    try {
      statement.run(new RecordingSink());
    } finally {
      source.removeQueryListener(counter);
    }
    synchronized (counter) {
      return counter.byCluster.toString();
    }
  }
}
