package io.xcluster.driver.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xcluster.driver.XClusterDataSource;
import io.xcluster.testing.LoadedTopology;
import io.xcluster.testing.TcpProxy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A cluster that goes away, or dies in the middle of a step, fails the cross-cluster statement with an
 * SQLException of class 08 that names the cluster, quickly and without a partial result; the other clusters
 * keep serving their own statements; when it comes back, xcluster serves it again without a restart. The
 * content cluster (posts) is reached through a {@link TcpProxy} that the test breaks.
 */
class ClusterFailureTest {
  private static final String CROSS = "SELECT u.name, p.title FROM users u JOIN posts p ON p.user_id = u.id"
      + " WHERE u.id <= 3 ORDER BY p.id";
  private static final String ACCOUNTS_ONLY = "SELECT name FROM users WHERE id = 1";
  private static final Pattern HOST_PORT = Pattern.compile("//([^/:?]+):(\\d+)/");

  static java.util.stream.Stream<Named<LoadedTopology>> topologies() throws SQLException {
    return SplitClusters.both();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topologies")
  void aClusterThatIsDownFailsFastByNameAndRecovers(LoadedTopology topology) throws Exception {
    List<List<Object>> expected = SplitClusters.colocated(topology, CROSS);
    try (TcpProxy proxy = proxyToContent(topology);
        XClusterDataSource dataSource = new XClusterDataSource(throughProxy(topology, proxy))) {
      assertEquals(expected, query(dataSource, CROSS));
      proxy.refuse();
      long started = System.nanoTime();
      SQLException down = assertThrows(SQLException.class, () -> query(dataSource, CROSS));
      assertTrue(down.getSQLState() != null && down.getSQLState().startsWith("08"), down.toString());
      assertTrue(down.getMessage().contains("'content'"), down.getMessage());
      assertTrue(Timing.elapsed(started).compareTo(Duration.ofSeconds(5)) < 0, "within the pool's timeout: " + Timing.elapsed(started));
      assertFalse(query(dataSource, ACCOUNTS_ONLY).isEmpty(), "the accounts cluster keeps serving");
      proxy.restore();
      assertEquals(expected, eventually(dataSource, CROSS), "served again without a restart");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topologies")
  void aClusterDyingMidQueryFailsTheStatementByName(LoadedTopology topology) throws Exception {
    String slow = "SELECT u.name, p.title FROM users u JOIN posts p ON p.user_id = u.id WHERE u.id <= 3 AND "
        + (topology.topology().name().contains("mysql") ? "CASE WHEN p.id > 0 THEN SLEEP(1) = 0 ELSE TRUE END"
            : "CASE WHEN p.id > 0 THEN pg_sleep(1) IS NOT NULL ELSE TRUE END");
    try (TcpProxy proxy = proxyToContent(topology);
        XClusterDataSource dataSource = new XClusterDataSource(throughProxy(topology, proxy))) {
      long started = System.nanoTime();
      CompletableFuture<Void> crash = CompletableFuture.runAsync(() -> {
        Timing.sleep(800);
        proxy.cut();
      });
      SQLException died = assertThrows(SQLException.class, () -> query(dataSource, slow));
      crash.get(5, TimeUnit.SECONDS);
      assertTrue(died.getSQLState() != null && died.getSQLState().startsWith("08"), died.toString());
      assertTrue(died.getMessage().contains("cluster 'content'") && died.getMessage().contains("posts"),
          died.getMessage());
      assertTrue(Timing.elapsed(started).compareTo(Duration.ofSeconds(4)) < 0, "failed at the cut: " + Timing.elapsed(started));
      assertEquals(SplitClusters.colocated(topology, CROSS), eventually(dataSource, CROSS));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topologies")
  void theNetworkTimeoutBoundsAStalledCluster(LoadedTopology topology) throws Exception {
    try (TcpProxy proxy = proxyToContent(topology);
        XClusterDataSource dataSource = new XClusterDataSource(throughProxy(topology, proxy));
        Connection connection = dataSource.getConnection()) {
      connection.setNetworkTimeout(Executors.newSingleThreadExecutor(), 1_000);
      assertFalse(SplitClusters.query(connection, CROSS).isEmpty());
      proxy.stall();
      long started = System.nanoTime();
      SQLException stalled = assertThrows(SQLException.class, () -> SplitClusters.query(connection, CROSS));
      assertTrue(stalled.getSQLState() != null && stalled.getSQLState().startsWith("08"), stalled.toString());
      assertTrue(stalled.getMessage().contains("cluster 'content'"), stalled.getMessage());
      assertTrue(Timing.elapsed(started).compareTo(Duration.ofSeconds(4)) < 0, "the network timeout: " + Timing.elapsed(started));
      proxy.resume();
      assertEquals(SplitClusters.colocated(topology, CROSS), eventually(dataSource, CROSS));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topologies")
  void abortEndsAStatementStuckOnAStalledCluster(LoadedTopology topology) throws Exception {
    try (TcpProxy proxy = proxyToContent(topology);
        XClusterDataSource dataSource = new XClusterDataSource(throughProxy(topology, proxy))) {
      Connection connection = dataSource.getConnection();
      assertFalse(SplitClusters.query(connection, CROSS).isEmpty());
      proxy.stall();
      long started = System.nanoTime();
      CompletableFuture<Void> aborting = CompletableFuture.runAsync(() -> {
        Timing.sleep(700);
        try {
          connection.abort(Executors.newSingleThreadExecutor());
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      });
      assertThrows(SQLException.class, () -> SplitClusters.query(connection, CROSS));
      aborting.get(5, TimeUnit.SECONDS);
      assertTrue(Timing.elapsed(started).compareTo(Duration.ofSeconds(4)) < 0, "ended by abort: " + Timing.elapsed(started));
      assertTrue(connection.isClosed());
      proxy.resume();
      assertEquals(SplitClusters.colocated(topology, CROSS), eventually(dataSource, CROSS),
          "the pool replaced the aborted connection");
    }
  }

  private static List<List<Object>> query(XClusterDataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return SplitClusters.query(connection, sql);
    }
  }

  /** The rows once the cluster answers again: the pool replaces its dead connections within a few tries. */
  private static List<List<Object>> eventually(XClusterDataSource dataSource, String sql) throws SQLException {
    SQLException last = null;
    for (int attempt = 0; attempt < 10; attempt++) {
      try {
        return query(dataSource, sql);
      } catch (SQLException stillDown) {
        last = stillDown;
        Timing.sleep(300);
      }
    }
    throw last;
  }

  private static TcpProxy proxyToContent(LoadedTopology topology) throws IOException {
    Matcher address = HOST_PORT.matcher(contentUrl(topology));
    assertTrue(address.find(), contentUrl(topology));
    return TcpProxy.to(address.group(1), Integer.parseInt(address.group(2)));
  }

  private static String contentUrl(LoadedTopology topology) {
    boolean inContent = false;
    for (String line : topology.configYaml().split("\n")) {
      inContent = line.startsWith("  ") && !line.startsWith("   ") ? line.equals("  content:") : inContent;
      if (inContent && line.strip().startsWith("url: ")) {
        return line;
      }
    }
    throw new AssertionError("no content cluster in " + topology.topology().name());
  }

  /** The topology's configuration with the content cluster reached through the proxy, with a short pool timeout. */
  private static String throughProxy(LoadedTopology topology, TcpProxy proxy) throws IOException {
    StringBuilder yaml = new StringBuilder();
    boolean inContent = false;
    for (String line : topology.configYaml().split("\n")) {
      inContent = line.startsWith("  ") && !line.startsWith("   ") ? line.equals("  content:") : inContent;
      if (inContent && line.strip().startsWith("url: ")) {
        line = HOST_PORT.matcher(line).replaceFirst("//127.0.0.1:" + proxy.port() + "/");
      } else if (inContent && line.strip().startsWith("pool: ")) {
        line = "    pool: { maximumPoolSize: 4, connectionTimeout: 1000 }";
      }
      yaml.append(line).append('\n');
    }
    Path file = Files.createTempFile("xcluster-proxy", ".yaml");
    file.toFile().deleteOnExit();
    Files.writeString(file, yaml);
    return LoadedTopology.URL_PREFIX + file;
  }
}
