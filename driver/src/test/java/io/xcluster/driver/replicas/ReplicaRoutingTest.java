package io.xcluster.driver.replicas;

import static io.xcluster.driver.replicas.ReplicatedDatabases.MARKER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xcluster.driver.XClusterDataSource;
import io.xcluster.driver.jdbc.XClusterConnection;
import io.xcluster.testing.DbServer;
import io.xcluster.testing.DbServers;
import io.xcluster.testing.Dialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Where each statement of a cluster with two read replicas runs, on PostgreSQL and on MariaDB: the primary and
 * its replicas are databases of one server whose {@code marker} row names them, so every test checks the
 * database that answered as well as the target the query listener reports.
 */
class ReplicaRoutingTest {
  private static final String DELAY = "replicaReadDelay: 300ms";
  private static final long PAST_DELAY_MILLIS = 400;
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
  void aPlainReadGoesToAReplicaAndTheEventNamesIt(DbServer server) throws Exception {
    try (XClusterDataSource dataSource = dataSource(server); Connection connection = dataSource.getConnection()) {
      QueryTargets targets = listen(connection);
      String marker = read(connection, MARKER);
      assertTrue(marker.startsWith("replica"), marker);
      assertEquals("shop/" + marker, targets.last(), targets.toString());
      assertTrue(targets.events().get(0).onReplica());
      assertEquals("pear", read(connection, "SELECT name FROM items WHERE id = 2"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servers")
  void readsAlternateBetweenTheTwoReplicas(DbServer server) throws Exception {
    try (XClusterDataSource dataSource = dataSource(server); Connection connection = dataSource.getConnection()) {
      QueryTargets targets = listen(connection);
      List<String> markers = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        markers.add(read(connection, MARKER));
      }
      assertEquals(3, markers.stream().filter("replica1"::equals).count(), markers.toString());
      assertEquals(3, markers.stream().filter("replica2"::equals).count(), markers.toString());
      for (int i = 1; i < markers.size(); i++) {
        assertNotEquals(markers.get(i - 1), markers.get(i), "least in-flight, ties in turn: " + markers);
      }
      assertEquals(markers.stream().map(marker -> "shop/" + marker).toList(), targets.targets());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servers")
  void writesLockingReadsAndSessionStatementsGoToThePrimary(DbServer server) throws Exception {
    try (XClusterDataSource dataSource = dataSource(server)) {
      try (Connection connection = dataSource.getConnection()) {
        QueryTargets targets = listen(connection);
        assertTrue(read(connection, MARKER).startsWith("replica"));
        assertEquals("primary", read(connection, MARKER + " FOR UPDATE"), "a locking read");
        try (Statement statement = connection.createStatement()) {
          statement.execute(server.dialect() == Dialect.POSTGRESQL ? "SET application_name = 'xc_rep'" : "SET @xc_rep = 1");
          assertEquals("shop", targets.last(), "a session statement");
          assertTrue(read(connection, MARKER).startsWith("replica"), "a session statement is no write");
          assertEquals(1, statement.executeUpdate("UPDATE items SET name = name WHERE id = 1"));
          assertEquals("shop", targets.last(), "a write");
        }
        assertEquals(List.of("shop/", "shop", "shop", "shop/", "shop"),
            targets.targets().stream().map(target -> target.startsWith("shop/") ? "shop/" : target).toList());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servers")
  void aReadRightAfterAWriteReadsThePrimaryOfThatConnectionUntilTheDelayPasses(DbServer server) throws Exception {
    try (XClusterDataSource dataSource = dataSource(server);
        Connection writer = dataSource.getConnection();
        Connection other = dataSource.getConnection()) {
      assertTrue(read(writer, MARKER).startsWith("replica"));
      try (Statement statement = writer.createStatement()) {
        statement.executeUpdate("UPDATE items SET name = name WHERE id = 1");
      }
      assertEquals("primary", read(writer, MARKER), "read-your-writes");
      assertTrue(read(other, MARKER).startsWith("replica"), "another connection did not write");
      sleep(PAST_DELAY_MILLIS);
      assertTrue(read(writer, MARKER).startsWith("replica"), "the delay has passed");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servers")
  void theDelayRunsFromTheEndOfTheWrite(DbServer server) throws Exception {
    String slowWrite = "UPDATE items SET name = name WHERE id = 1 AND "
        + (server.dialect() == Dialect.POSTGRESQL ? "pg_sleep(0.5) IS NOT NULL" : "SLEEP(0.5) = 0");
    try (XClusterDataSource dataSource = dataSource(server); Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate(slowWrite);
      assertEquals("primary", read(connection, MARKER), "300 ms after the start of a 500 ms write is not enough");
      sleep(PAST_DELAY_MILLIS);
      assertTrue(read(connection, MARKER).startsWith("replica"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servers")
  void aTransactionReadsAndWritesOnThePrimary(DbServer server) throws Exception {
    try (XClusterDataSource dataSource = dataSource(server); Connection connection = dataSource.getConnection()) {
      QueryTargets targets = listen(connection);
      connection.setAutoCommit(false);
      assertEquals("primary", read(connection, MARKER), "a read-write transaction reads its primary");
      try (Statement statement = connection.createStatement()) {
        assertEquals(1, statement.executeUpdate("INSERT INTO items VALUES (4, 'fig')"));
      }
      assertEquals("fig", read(connection, "SELECT name FROM items WHERE id = 4"), "sees its own write");
      connection.rollback();
      assertEquals(List.of("shop", "shop", "shop"), targets.targets());
      connection.setAutoCommit(true);
      sleep(PAST_DELAY_MILLIS);
      assertTrue(read(connection, MARKER).startsWith("replica"), "after the transaction and the delay");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servers")
  void aReadOnlyTransactionKeepsOneReplica(DbServer server) throws Exception {
    try (XClusterDataSource dataSource = dataSource(server); Connection connection = dataSource.getConnection()) {
      connection.setReadOnly(true);
      connection.setAutoCommit(false);
      List<String> markers = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        markers.add(read(connection, MARKER));
      }
      assertTrue(markers.get(0).startsWith("replica"), markers.toString());
      assertEquals(List.of(markers.get(0), markers.get(0), markers.get(0), markers.get(0)), markers,
          "one replica session for the whole transaction");
      assertEquals(List.of("shop/" + markers.get(0)), heldTargets(connection));
      connection.commit();
      connection.setAutoCommit(true);
      String next = read(connection, MARKER);
      assertNotEquals(markers.get(0), next, "outside the transaction, reads alternate again");
      assertTrue(next.startsWith("replica"), next);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servers")
  void aPreparedStatementKeepsItsReplicaAndFollowsAWriteToThePrimary(DbServer server) throws Exception {
    try (XClusterDataSource dataSource = dataSource(server); Connection connection = dataSource.getConnection();
        PreparedStatement marker = connection.prepareStatement("SELECT server FROM marker WHERE server <> ?")) {
      marker.setString(1, "nobody");
      String first = read(marker);
      assertTrue(first.startsWith("replica"), first);
      assertEquals(first, read(marker), "an open statement keeps its replica");
      try (Statement statement = connection.createStatement()) {
        statement.executeUpdate("UPDATE items SET name = name WHERE id = 1");
      }
      assertEquals("primary", read(marker), "after a write, the same statement reads the primary");
      sleep(PAST_DELAY_MILLIS);
      assertTrue(read(marker).startsWith("replica"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servers")
  void aReplicaResultStaysOpenWhileTheSameClustersPrimaryTakesAWrite(DbServer server) throws Exception {
    try (XClusterDataSource dataSource = dataSource(server); Connection connection = dataSource.getConnection()) {
      Statement reader = connection.createStatement();
      ResultSet items = reader.executeQuery("SELECT id FROM items ORDER BY id");
      assertTrue(items.next());
      String replica = heldTargets(connection).get(0);
      assertTrue(replica.startsWith("shop/replica"), replica);
      Statement writer = connection.createStatement();
      assertEquals(1, writer.executeUpdate("UPDATE items SET name = name WHERE id = 3"));
      assertEquals(List.of(replica, "shop"), heldTargets(connection), "one physical connection per server");
      assertTrue(items.next() && items.next() && !items.next(), "the replica's rows read on");
      reader.close();
      assertEquals(List.of("shop"), heldTargets(connection), "the replica's connection went back, not the primary's");
      writer.close();
      assertEquals(List.of(), heldTargets(connection));
    }
  }

  // ---- helpers --------------------------------------------------------------------------------------------

  private static XClusterDataSource dataSource(DbServer server) throws IOException, SQLException {
    ReplicatedDatabases databases = databases(server);
    Path config = Files.createTempFile(directory, "replicas", ".yaml");
    Files.writeString(config, "clusters:\n" + databases.yaml("shop", databases.replicaUrls(), List.of(DELAY),
        "items", "marker"));
    return new XClusterDataSource("jdbc:xcluster:" + config);
  }

  private static synchronized ReplicatedDatabases databases(DbServer server) throws SQLException {
    ReplicatedDatabases databases = DATABASES.get(server.dialect());
    if (databases == null) {
      String prefix = "xc_rep_route_" + (server.dialect() == Dialect.POSTGRESQL ? "pg" : "my");
      databases = ReplicatedDatabases.create(server, prefix, 2,
          "CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL)",
          "INSERT INTO items VALUES (1, 'apple'), (2, 'pear'), (3, 'plum')");
      DATABASES.put(server.dialect(), databases);
    }
    return databases;
  }

  static QueryTargets listen(Connection connection) throws SQLException {
    QueryTargets targets = new QueryTargets();
    connection.unwrap(XClusterConnection.class).addQueryListener(targets);
    return targets;
  }

  /** The physical connections the logical connection holds, by target (from its toString, made for this). */
  private static List<String> heldTargets(Connection connection) {
    String text = connection.toString();
    String held = text.substring(text.indexOf("clusters held [") + "clusters held [".length(), text.lastIndexOf(']') - 1);
    return held.isEmpty() ? List.of() : List.of(held.split(", "));
  }

  /** The first column of the first row, the statement closed afterwards (so its connection goes back). */
  static String read(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      assertTrue(rows.next(), sql);
      return rows.getString(1);
    }
  }

  private static String read(PreparedStatement statement) throws SQLException {
    try (ResultSet rows = statement.executeQuery()) {
      assertTrue(rows.next());
      return rows.getString(1);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
