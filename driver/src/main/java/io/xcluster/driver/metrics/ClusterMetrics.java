package io.xcluster.driver.metrics;

import io.xcluster.driver.QueryEvent;
import io.xcluster.driver.QueryListener;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Counts the physical queries of one configuration per cluster: queries, rows, errors and time, and shows
 * the cluster's pool gauges beside them. A {@link QueryListener} the runtime always registers; JMX
 * ({@link MetricsExport}) and Micrometer read it.
 */
public final class ClusterMetrics implements QueryListener {
  private final Map<String, Counts> byCluster = new ConcurrentHashMap<>();
  private final Function<String, Optional<HikariPoolMXBean>> pools;

  /** @param pools a cluster's started pool, whose gauges the cluster's counts show beside them */
  public ClusterMetrics(Function<String, Optional<HikariPoolMXBean>> pools) {
    this.pools = pools;
  }

  /** One cluster's counters; read at any time, from any thread. */
  public static final class Counts implements ClusterMetricsMXBean {
    private final String cluster;
    private final Function<String, Optional<HikariPoolMXBean>> pools;
    private final LongAdder queries = new LongAdder();
    private final LongAdder rows = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder nanos = new LongAdder();

    @Override
    public long getQueries() {
      return queries.sum();
    }

    @Override
    public long getRows() {
      return rows.sum();
    }

    @Override
    public long getErrors() {
      return errors.sum();
    }

    @Override
    public double getTotalMillis() {
      return nanos.sum() / 1e6;
    }

    @Override
    public double getMeanMillis() {
      long count = queries.sum();
      return count == 0 ? 0 : getTotalMillis() / count;
    }

    private Counts(String cluster, Function<String, Optional<HikariPoolMXBean>> pools) {
      this.cluster = cluster;
      this.pools = pools;
    }

    long totalNanos() {
      return nanos.sum();
    }

    @Override
    public int getActiveConnections() {
      return pools.apply(cluster).map(HikariPoolMXBean::getActiveConnections).orElse(0);
    }

    @Override
    public int getIdleConnections() {
      return pools.apply(cluster).map(HikariPoolMXBean::getIdleConnections).orElse(0);
    }

    @Override
    public int getTotalConnections() {
      return pools.apply(cluster).map(HikariPoolMXBean::getTotalConnections).orElse(0);
    }

    @Override
    public int getThreadsAwaitingConnection() {
      return pools.apply(cluster).map(HikariPoolMXBean::getThreadsAwaitingConnection).orElse(0);
    }
  }

  /** The counters of a cluster, created at zero. */
  public Counts of(String cluster) {
    return byCluster.computeIfAbsent(cluster, name -> new Counts(name, pools));
  }

  @Override
  public void onQuery(QueryEvent event) {
    Counts counts = of(event.cluster());
    counts.queries.increment();
    counts.nanos.add(event.nanos());
    if (event.failed()) {
      counts.errors.increment();
    } else if (event.rows() > 0) {
      counts.rows.add(event.rows());
    }
  }
}
