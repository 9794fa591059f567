package io.xcluster.driver.metrics;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a configuration's {@link ClusterMetrics}: always as JMX MBeans
 * ({@code io.xcluster:type=Cluster,config="<file>",name="<cluster>"}, plus {@code instance=2, 3...} for
 * further runtimes of the same file in one JVM), and through Micrometer's global
 * registry when Micrometer is on the classpath ({@link MicrometerMetrics}; an optional dependency).
 * {@link #close()} takes the MBeans away again.
 */
public final class MetricsExport implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MetricsExport.class);
  private static final boolean MICROMETER = present("io.micrometer.core.instrument.Metrics");
  private static final int MAX_INSTANCES = 1_000;

  private final List<ObjectName> registered = new ArrayList<>();

  private MetricsExport() {}

  public static MetricsExport publish(String source, Collection<String> clusters, ClusterMetrics metrics) {
    MetricsExport export = new MetricsExport();
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    for (String cluster : clusters) {
      String base = "io.xcluster:type=Cluster,config=" + ObjectName.quote(source) + ",name=" + ObjectName.quote(cluster);
      // a second runtime of the same file in one JVM (another DataSource) gets instance=2, 3...
      for (int instance = 1; instance <= MAX_INSTANCES; instance++) {
        try {
          ObjectName name = new ObjectName(instance == 1 ? base : base + ",instance=" + instance);
          server.registerMBean(metrics.of(cluster), name);
          export.registered.add(name);
          break;
        } catch (javax.management.InstanceAlreadyExistsException taken) {
          // try the next instance number
        } catch (JMException | RuntimeException failed) {
          LOG.debug("JMX metrics of cluster {} not registered: {}", cluster, failed.toString());
          break;
        }
      }
    }
    if (MICROMETER) {
      MicrometerMetrics.bind(source, clusters, metrics);
    }
    return export;
  }

  /** With Micrometer on the classpath, a pool reports its gauges there, unless its settings name a tracker. */
  public static void trackPool(com.zaxxer.hikari.HikariConfig pool) {
    if (MICROMETER && pool.getMetricsTrackerFactory() == null && pool.getMetricRegistry() == null) {
      MicrometerMetrics.trackPool(pool);
    }
  }

  @Override
  public void close() {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    for (ObjectName name : registered) {
      try {
        server.unregisterMBean(name);
      } catch (JMException gone) {
        // already unregistered
      }
    }
    registered.clear();
  }

  private static boolean present(String className) {
    try {
      Class.forName(className, false, MetricsExport.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError absent) {
      return false;
    }
  }
}
