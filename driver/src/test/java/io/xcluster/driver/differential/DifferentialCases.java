package io.xcluster.driver.differential;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xcluster.driver.XClusterDriver;
import io.xcluster.testing.ClusterPlacement;
import io.xcluster.testing.Dialect;
import io.xcluster.testing.FixtureTable;
import io.xcluster.testing.LoadedTopology;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.Parameter;

/**
 * The base of differential case classes annotated {@link AcrossTopologies}: each test gets a fresh
 * {@link Differential} ({@link #diff}) for the topology of the current invocation.
 *
 * <p>With {@code -D}{@value #SELF_CHECK}{@code =true} both sides are the colocated database: every
 * differential case must then pass (and every refusal case fail), which proves the cases' SQL and
 * data assumptions independently of xcluster.
 */
abstract class DifferentialCases {
  static final String SELF_CHECK = "xcluster.differential.selfCheck";

  @Parameter LoadedTopology topology;

  Differential diff;

  @BeforeEach
  void openDifferential() {
    diff =
        Boolean.getBoolean(SELF_CHECK)
            ? Differential.selfCheck(topology, Differential.typeCheckFor(topology))
            : Differential.of(topology);
  }

  @AfterEach
  void closeDifferential() throws SQLException {
    diff.close();
  }

  @AfterAll
  static void shutdownDriver() {
    XClusterDriver.shutdown();
  }

  /**
   * Asserts that some expected row has {@code NULL} in the 1-based {@code column}: the case's
   * outer-join or NULL semantics are actually exercised by the data.
   */
  static void assertSomeNull(ResultTable expected, int column, String meaning) {
    assertTrue(
        expected.rows().stream().anyMatch(row -> row.get(column - 1) == null),
        "the fixture data should contain " + meaning);
  }

  /** Asserts that some expected row has a non-{@code NULL} value in the 1-based {@code column}. */
  static void assertSomeNotNull(ResultTable expected, int column, String meaning) {
    assertTrue(
        expected.rows().stream().anyMatch(row -> row.get(column - 1) != null),
        "the fixture data should contain " + meaning);
  }

  /** Whether {@code table}'s cluster runs on MariaDB/MySQL in this topology. */
  boolean onMysql(FixtureTable table) {
    ClusterPlacement placement = topology.topology().clusterOf(table);
    return placement.dialect() == Dialect.MYSQL;
  }
}
