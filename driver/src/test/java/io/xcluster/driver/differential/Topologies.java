package io.xcluster.driver.differential;

import io.xcluster.testing.LoadedTopology;
import io.xcluster.testing.RailsFixtures;
import io.xcluster.testing.Topology;
import java.sql.SQLException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/** The topologies every differential case runs on, loaded once per JVM (read-only use). */
final class Topologies {
  private Topologies() {}

  /** Every cluster on PostgreSQL. */
  static LoadedTopology pgPg() throws SQLException {
    return RailsFixtures.shared(Topology.pgPg());
  }

  /** {@code content} and {@code kitchen} on MariaDB/MySQL, the rest on PostgreSQL. */
  static LoadedTopology pgMysql() throws SQLException {
    return RailsFixtures.shared(Topology.pgMysql());
  }

  /** The argument source of {@link AcrossTopologies}. */
  static Stream<Named<LoadedTopology>> both() throws SQLException {
    return Stream.of(Named.of("pg_pg", pgPg()), Named.of("pg_mysql", pgMysql()));
  }
}
