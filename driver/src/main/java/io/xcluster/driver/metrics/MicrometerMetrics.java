package io.xcluster.driver.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

/**
 * The Micrometer side of {@link MetricsExport}, loaded only when Micrometer is on the classpath: per cluster
 * {@code xcluster.queries}, {@code xcluster.rows}, {@code xcluster.errors} (function counters) and
 * {@code xcluster.query.time} (a function timer), tagged {@code cluster} and {@code config}, in
 * {@link Metrics#globalRegistry}. The pools' own gauges come from HikariCP's Micrometer tracker.
 */
final class MicrometerMetrics {
  private MicrometerMetrics() {}

  static MeterRegistry registry() {
    return Metrics.globalRegistry;
  }

  /** The pool reports its gauges (connections active, idle, pending; timings) to the same registry. */
  static void trackPool(com.zaxxer.hikari.HikariConfig pool) {
    pool.setMetricsTrackerFactory(new com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory(registry()));
  }

  static void bind(String source, Collection<String> clusters, ClusterMetrics metrics) {
    for (String cluster : clusters) {
      ClusterMetrics.Counts counts = metrics.of(cluster);
      FunctionCounter.builder("xcluster.queries", counts, ClusterMetrics.Counts::getQueries)
          .description("physical queries run").tags("cluster", cluster, "config", source).register(registry());
      FunctionCounter.builder("xcluster.rows", counts, ClusterMetrics.Counts::getRows)
          .description("rows read by physical queries").tags("cluster", cluster, "config", source)
          .register(registry());
      FunctionCounter.builder("xcluster.errors", counts, ClusterMetrics.Counts::getErrors)
          .description("physical queries that failed").tags("cluster", cluster, "config", source)
          .register(registry());
      FunctionTimer.builder("xcluster.query.time", counts, ClusterMetrics.Counts::getQueries,
              ClusterMetrics.Counts::totalNanos, TimeUnit.NANOSECONDS)
          .description("time of physical queries").tags("cluster", cluster, "config", source).register(registry());
    }
  }
}
