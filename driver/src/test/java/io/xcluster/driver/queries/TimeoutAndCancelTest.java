package io.xcluster.driver.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xcluster.driver.XClusterDataSource;
import io.xcluster.testing.LoadedTopology;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A cross-cluster statement stops as a whole, on every cluster: its query timeout bounds all its steps
 * together (each of two steps may stay under it), {@code Statement.cancel()} from another thread cancels the
 * step in flight on PostgreSQL or MariaDB, and a failing step cancels a sibling still running in parallel
 * instead of waiting for it. In each case the connection serves the next statement.
 */
class TimeoutAndCancelTest {
  /** humans (people) and dogs (pets) are on PostgreSQL in every topology; treats (kitchen) on MariaDB in pg_mysql. */
  private static final String CHECK = "SELECT h.id, d.id FROM humans h JOIN dogs d ON d.human_id = h.id ORDER BY d.id";

  static java.util.stream.Stream<Named<LoadedTopology>> topologies() throws SQLException {
    return SplitClusters.both();
  }

  /** A condition, TRUE for every row, that sleeps on PostgreSQL for the row {@code which} picks. */
  private static String sleepOnRow(String which, double seconds) {
    return "CASE WHEN " + which + " THEN pg_sleep(" + seconds + ") IS NOT NULL ELSE TRUE END";
  }

  /** A condition on treats that sleeps per row, in the kitchen cluster's own dialect. */
  private static String kitchenSleep(LoadedTopology topology, double seconds) {
    String sleep = topology.topology().name().contains("mysql") ? "SLEEP(" + seconds + ") = 0"
        : "pg_sleep(" + seconds + ") IS NOT NULL";
    return "CASE WHEN t.id > 0 THEN " + sleep + " ELSE TRUE END";
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topologies")
  void theQueryTimeoutBoundsAllStepsTogether(LoadedTopology topology) throws SQLException {
    // two steps of 0.7 s each (human 1, and dog 4, the one dog of human 1): neither alone reaches the 1 s
    // timeout, together they do
    String sql = "SELECT h.id, d.id FROM humans h JOIN dogs d ON d.human_id = h.id"
        + " WHERE " + sleepOnRow("h.id = 1", 0.7) + " AND " + sleepOnRow("d.human_id = 1", 0.7);
    try (XClusterDataSource dataSource = new XClusterDataSource(topology.jdbcUrl());
        Connection connection = dataSource.getConnection()) {
      assertEquals(2, explainSteps(connection, sql), "one query per cluster, each sleeping once");
      long untimed = System.nanoTime();
      assertFalse(SplitClusters.query(connection, sql).isEmpty());
      assertTrue(Timing.elapsed(untimed).compareTo(Duration.ofMillis(1_400)) >= 0, "both steps sleep: " + Timing.elapsed(untimed));
      long started = System.nanoTime();
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        statement.setQueryTimeout(1);
        SQLTimeoutException timedOut = assertThrows(SQLTimeoutException.class, () -> drain(statement));
        assertEquals("57014", timedOut.getSQLState());
        assertTrue(timedOut.getMessage().contains("query timeout of 1 s"), timedOut.getMessage());
      }
      assertTrue(Timing.elapsed(started).compareTo(Duration.ofMillis(2_500)) < 0,
          "stopped at the deadline, not after both steps: " + Timing.elapsed(started));
      assertFalse(SplitClusters.query(connection, CHECK).isEmpty(), "the connection serves the next statement");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topologies")
  void cancelFromAnotherThreadStopsTheStepInFlight(LoadedTopology topology) throws Exception {
    String sql = "SELECT h.id, t.id FROM humans h JOIN treats t ON t.human_id = h.id WHERE "
        + kitchenSleep(topology, 5);
    try (XClusterDataSource dataSource = new XClusterDataSource(topology.jdbcUrl());
        Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      long started = System.nanoTime();
      CompletableFuture<Void> canceller = CompletableFuture.runAsync(() -> {
        Timing.sleep(700);
        try {
          statement.cancel();
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      });
      SQLException canceled = assertThrows(SQLException.class, () -> drain(statement));
      canceller.get(5, TimeUnit.SECONDS);
      assertEquals("57014", canceled.getSQLState(), canceled.toString());
      assertFalse(canceled instanceof SQLTimeoutException, "a cancel is not a timeout");
      assertTrue(canceled.getMessage().contains("cancelled"), canceled.getMessage());
      assertTrue(Timing.elapsed(started).compareTo(Duration.ofSeconds(4)) < 0, "cancelled, not waited: " + Timing.elapsed(started));
      assertFalse(SplitClusters.query(connection, CHECK).isEmpty(), "the connection serves the next statement");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topologies")
  void aFailingStepCancelsItsSiblingInsteadOfWaiting(LoadedTopology topology) throws SQLException {
    // dogs (pets) and treats (kitchen) are both bound from humans and run in parallel; dogs fails at once
    String sql = "SELECT h.id, d.id, t.id FROM humans h JOIN dogs d ON d.human_id = h.id"
        + " JOIN treats t ON t.human_id = h.id WHERE 1 / (d.id - d.id) = 1 AND " + kitchenSleep(topology, 5);
    try (XClusterDataSource dataSource = new XClusterDataSource(topology.jdbcUrl());
        Connection connection = dataSource.getConnection()) {
      long started = System.nanoTime();
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        SQLException failed = assertThrows(SQLException.class, () -> drain(statement));
        assertEquals("22012", failed.getSQLState(), "the failing step's own error is reported: " + failed);
      }
      assertTrue(Timing.elapsed(started).compareTo(Duration.ofSeconds(4)) < 0, "the sibling was cancelled: " + Timing.elapsed(started));
      assertFalse(SplitClusters.query(connection, CHECK).isEmpty(), "the connection serves the next statement");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topologies")
  void aTimeoutThatIsNotReachedChangesNothing(LoadedTopology topology) throws SQLException {
    try (XClusterDataSource dataSource = new XClusterDataSource(topology.jdbcUrl());
        Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(CHECK)) {
      statement.setQueryTimeout(30);
      List<List<Object>> rows = SplitClusters.normalizedRows(statement.executeQuery());
      assertEquals(SplitClusters.colocated(topology, CHECK), rows);
    }
  }

  private static int explainSteps(Connection connection, String sql) throws SQLException {
    return (int) SplitClusters.query(connection, "EXPLAIN XCLUSTER " + sql).stream()
        .filter(row -> !String.valueOf(row.get(1)).isEmpty()).count();
  }

  private static void drain(PreparedStatement statement) throws SQLException {
    var results = statement.executeQuery();
    while (results.next()) {
      results.getObject(1);
    }
  }
}
