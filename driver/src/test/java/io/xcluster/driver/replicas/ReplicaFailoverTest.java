package io.xcluster.driver.replicas;

import static io.xcluster.driver.replicas.ReplicaRoutingTest.listen;
import static io.xcluster.driver.replicas.ReplicaRoutingTest.read;
import static io.xcluster.driver.replicas.ReplicaRoutingTest.sleep;
import static io.xcluster.driver.replicas.ReplicatedDatabases.MARKER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xcluster.driver.QueryEvent;
import io.xcluster.driver.XClusterDataSource;
import io.xcluster.testing.DbServer;
import io.xcluster.testing.DbServers;
import io.xcluster.testing.Dialect;
import io.xcluster.testing.TcpProxy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replicas that go away, on PostgreSQL and MariaDB: replicas reached through a {@link TcpProxy} that the test
 * refuses or cuts. Reads keep succeeding on the other replica or the primary, the broken replica leaves the
 * rotation, a probe every 200 ms brings it back once the proxy is restored, and {@code whenNoReplica: fail}
 * refuses reads with 08006 while no replica answers.
 */
class ReplicaFailoverTest {
  private static final Pattern HOST_PORT = Pattern.compile("//([^/:?]+):(\\d+)/");
  private static final List<String> OPTIONS = List.of("replicaReadDelay: 300ms", "replicaProbeInterval: 200ms");
  private static final Map<Dialect, ReplicatedDatabases> DATABASES = new EnumMap<>(Dialect.class);
  @TempDir static Path directory;

  static Stream<Named<DbServer>> servers() {
    return Stream.of(Named.of("PostgreSQL", DbServers.postgres()), Named.of("MariaDB", DbServers.mysql()));
  }

  @AfterAll
  static void dropDatabases() throws SQLException {
    for (ReplicatedDatabases databases : DATABASES.values()) {
      databases.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servers")
  void aRefusedReplicaLeavesTheRotationAndComesBackWhenItAnswers(DbServer server) throws Exception {
    ReplicatedDatabases databases = databases(server);
    try (TcpProxy proxy = proxyTo(databases);
        XClusterDataSource dataSource = dataSource(databases, List.of(through(proxy, databases.url(1)),
            databases.url(2)), OPTIONS)) {
      assertEquals(List.of("replica1", "replica2"), markers(dataSource, 2), "both replicas serve at first");
      proxy.refuse();
      List<Duration> times = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        long started = System.nanoTime();
        assertEquals(List.of("replica2"), markers(dataSource, 1), "every read succeeds, none on the refused replica");
        times.add(elapsed(started));
      }
      assertTrue(times.stream().filter(time -> time.toMillis() > 300).count() <= 1,
          "out of rotation after its first failure, so at most one read waits for its pool: " + times);
      proxy.restore();
      assertTrue(eventuallyReads(dataSource, "replica1"), "the probe put replica1 back in rotation");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servers")
  void aReadWhoseReplicaDiesBeforeItsRowsRunsAgainOnTheOtherReplica(DbServer server) throws Exception {
    String slow = MARKER + " WHERE "
        + (server.dialect() == Dialect.POSTGRESQL ? "pg_sleep(0.8) IS NOT NULL" : "SLEEP(0.8) = 0");
    ReplicatedDatabases databases = databases(server);
    try (TcpProxy proxy = proxyTo(databases);
        XClusterDataSource dataSource = dataSource(databases, List.of(through(proxy, databases.url(1)),
            databases.url(2)), OPTIONS);
        Connection connection = dataSource.getConnection()) {
      QueryTargets targets = listen(connection);
      CompletableFuture<Void> crash = CompletableFuture.runAsync(() -> {
        sleep(400);
        proxy.cut();
      });
      assertEquals("replica2", read(connection, slow), "run again on the other replica");
      crash.get(5, TimeUnit.SECONDS);
      List<QueryEvent> events = targets.events();
      assertEquals(List.of("shop/replica1", "shop/replica2"), targets.targets(), targets.toString());
      assertTrue(events.get(0).failed() && events.get(0).failure().getSQLState().startsWith("08"), targets.toString());
      assertFalse(events.get(1).failed());
      assertTrue(eventuallyReads(dataSource, "replica1"), "the cut replica answers new connections again");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servers")
  void aWriteIsNeverRunTwice(DbServer server) throws Exception {
    ReplicatedDatabases databases = databases(server);
    String primaryThroughProxy;
    try (TcpProxy proxy = proxyTo(databases)) {
      primaryThroughProxy = through(proxy, databases.url(0));
      Path config = Files.createTempFile(directory, "replicas", ".yaml");
      Files.writeString(config, "clusters:\n" + databases.yaml("shop", databases.replicaUrls(), OPTIONS, "items",
          "marker").replace(databases.url(0), primaryThroughProxy));
      try (XClusterDataSource dataSource = new XClusterDataSource("jdbc:xcluster:" + config);
          Connection connection = dataSource.getConnection()) {
        QueryTargets targets = listen(connection);
        assertEquals("replica1", read(connection, MARKER));
        try (var statement = connection.createStatement()) {
          statement.executeUpdate("UPDATE items SET name = name WHERE id = 1");
          proxy.cut();
          SQLException failed = assertThrows(SQLException.class,
              () -> statement.executeUpdate("UPDATE items SET name = name WHERE id = 2"));
          assertTrue(failed.getSQLState().startsWith("08"), failed.toString());
        }
        assertEquals(List.of("shop/replica1", "shop", "shop"), targets.targets(), "the failed write ran once");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servers")
  void withNoReplicaAnsweringReadsGoToThePrimaryByDefault(DbServer server) throws Exception {
    ReplicatedDatabases databases = databases(server);
    try (TcpProxy proxy = proxyTo(databases);
        XClusterDataSource dataSource = dataSource(databases, List.of(through(proxy, databases.url(1)),
            through(proxy, databases.url(2))), OPTIONS)) {
      proxy.refuse();
      assertEquals(List.of("primary", "primary", "primary"), markers(dataSource, 3));
      long started = System.nanoTime();
      assertEquals(List.of("primary"), markers(dataSource, 1));
      assertTrue(elapsed(started).compareTo(Duration.ofMillis(400)) < 0, "no replica is tried while out of rotation");
      proxy.restore();
      assertTrue(eventuallyReads(dataSource, "replica1"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servers")
  void whenNoReplicaFailRefusesReadsWith08NamingTheClusterAndItsReplicas(DbServer server) throws Exception {
    ReplicatedDatabases databases = databases(server);
    List<String> options = new ArrayList<>(OPTIONS);
    options.add("whenNoReplica: fail");
    try (TcpProxy proxy = proxyTo(databases);
        XClusterDataSource dataSource = dataSource(databases, List.of(through(proxy, databases.url(1)),
            through(proxy, databases.url(2))), options)) {
      proxy.refuse();
      SQLException first = assertThrows(SQLException.class, () -> markers(dataSource, 1));
      assertTrue(first.getSQLState().startsWith("08"), first.toString());
      long started = System.nanoTime();
      SQLException refused = assertThrows(SQLException.class, () -> markers(dataSource, 1));
      assertTrue(elapsed(started).compareTo(Duration.ofMillis(400)) < 0, "refused at once: " + elapsed(started));
      assertEquals("08006", refused.getSQLState());
      for (String named : List.of("cluster 'shop'", "replica1 (", "replica2 (", "out of rotation",
          "whenNoReplica is 'fail'", "Fix: bring a replica back", "whenNoReplica: primary")) {
        assertTrue(refused.getMessage().contains(named), named + " missing from: " + refused.getMessage());
      }
      try (Connection connection = dataSource.getConnection();
          var statement = connection.createStatement()) {
        assertEquals(1, statement.executeUpdate("UPDATE items SET name = name WHERE id = 1"), "writes still run");
      }
      proxy.restore();
      assertTrue(eventuallyReads(dataSource, "replica1"));
    }
  }

  // ---- helpers --------------------------------------------------------------------------------------------

  /** {@code count} reads of the marker, each on a new logical connection. */
  private static List<String> markers(XClusterDataSource dataSource, int count) throws SQLException {
    List<String> markers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      try (Connection connection = dataSource.getConnection()) {
        markers.add(read(connection, MARKER));
      }
    }
    return markers;
  }

  /** Whether a read reaches {@code marker} within 6 seconds (probes run every 200 ms). */
  private static boolean eventuallyReads(XClusterDataSource dataSource, String marker) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
    while (System.nanoTime() < deadline) {
      try {
        if (markers(dataSource, 2).contains(marker)) {
          return true;
        }
      } catch (SQLException notYet) {
        // whenNoReplica: fail refuses until a probe finds a replica answering
      }
      sleep(100);
    }
    return false;
  }

  private static XClusterDataSource dataSource(ReplicatedDatabases databases, List<String> replicaUrls,
      List<String> options) throws IOException, SQLException {
    Path config = Files.createTempFile(directory, "replicas", ".yaml");
    Files.writeString(config, "clusters:\n" + databases.yaml("shop", replicaUrls, options, "items", "marker"));
    return new XClusterDataSource("jdbc:xcluster:" + config);
  }

  private static TcpProxy proxyTo(ReplicatedDatabases databases) throws IOException {
    Matcher address = HOST_PORT.matcher(databases.url(0));
    assertTrue(address.find(), databases.url(0));
    return TcpProxy.to(address.group(1), Integer.parseInt(address.group(2)));
  }

  private static String through(TcpProxy proxy, String url) {
    return HOST_PORT.matcher(url).replaceFirst("//127.0.0.1:" + proxy.port() + "/");
  }

  private static Duration elapsed(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }

  private static synchronized ReplicatedDatabases databases(DbServer server) throws SQLException {
    ReplicatedDatabases databases = DATABASES.get(server.dialect());
    if (databases == null) {
      String prefix = "xc_rep_fail_" + (server.dialect() == Dialect.POSTGRESQL ? "pg" : "my");
      databases = ReplicatedDatabases.create(server, prefix, 2,
          "CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL)",
          "INSERT INTO items VALUES (1, 'apple'), (2, 'pear'), (3, 'plum')");
      DATABASES.put(server.dialect(), databases);
    }
    return databases;
  }
}
