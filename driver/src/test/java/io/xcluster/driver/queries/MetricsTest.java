package io.xcluster.driver.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.xcluster.driver.XClusterDataSource;
import io.xcluster.testing.LoadedTopology;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/**
 * Per-cluster metrics of the physical queries (queries, rows, errors, time) in JMX, and in Micrometer's
 * global registry when the application has Micrometer, with HikariCP's pool gauges beside them.
 */
class MetricsTest {
  private static final String CROSS = "SELECT p.title FROM posts p JOIN subscriptions s ON s.id = p.subscription_id"
      + " WHERE s.user_id = 5";

  @Test
  void jmxAndMicrometerCountEachClustersQueriesRowsAndErrors() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Metrics.addRegistry(registry);
    LoadedTopology topology = SplitClusters.pgMysql();
    // a file of its own, so that this runtime's MBeans are the only ones named after it
    java.nio.file.Path config = java.nio.file.Files.createTempFile("xcluster-metrics", ".yaml");
    config.toFile().deleteOnExit();
    java.nio.file.Files.writeString(config, topology.configYaml());
    String source = config.toAbsolutePath().normalize().toString();
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    try (XClusterDataSource dataSource = new XClusterDataSource(LoadedTopology.URL_PREFIX + config)) {
      long rows;
      try (Connection connection = dataSource.getConnection()) {
        rows = SplitClusters.query(connection, CROSS).size();
        // sent whole to the content cluster, which fails it
        assertThrows(SQLException.class, () -> SplitClusters.query(connection, "SELECT no_such_column FROM posts"));
      }
      Set<ObjectName> content = server.queryNames(new ObjectName("io.xcluster:type=Cluster,name=\"content\",config="
          + ObjectName.quote(source) + ",*"), null);
      assertEquals(1, content.size(), content.toString());
      ObjectName name = content.iterator().next();
      assertTrue((Long) server.getAttribute(name, "Queries") >= 2, "the join's and the failed query's");
      assertEquals(1L, server.getAttribute(name, "Errors"));
      assertTrue((Long) server.getAttribute(name, "Rows") >= rows, "the posts read");
      assertTrue((Double) server.getAttribute(name, "MeanMillis") > 0);
      assertEquals(0, server.getAttribute(name, "ActiveConnections"), "every connection back in the pool");
      assertTrue((Integer) server.getAttribute(name, "TotalConnections") >= 1, "the pool's gauges beside");

      FunctionCounter queries = registry.find("xcluster.queries").tags("cluster", "content", "config", source)
          .functionCounter();
      assertNotNull(queries, registry.getMetersAsString());
      assertTrue(queries.count() >= 2);
      assertEquals(1.0, registry.find("xcluster.errors").tags("cluster", "content", "config", source)
          .functionCounter().count());
      assertNotNull(registry.find("xcluster.query.time").tags("cluster", "accounts", "config", source).functionTimer());
      assertFalse(registry.find("hikaricp.connections").tag("pool", "xcluster-content").gauges().isEmpty(),
          "the pool's own gauges: " + registry.getMetersAsString());
    } finally {
      Metrics.removeRegistry(registry);
    }
    assertTrue(server.queryNames(new ObjectName("io.xcluster:type=Cluster,name=\"content\",config="
        + ObjectName.quote(source) + ",*"), null).isEmpty(), "unregistered on close");
  }
}
