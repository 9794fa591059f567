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

  /** As {@link #pgPg()}, with content (posts, comments) sharded over two databases by user_id. */
  static LoadedTopology pgSharded() throws SQLException {
    return RailsFixtures.shared(Topology.pgSharded());
  }

  /** As {@link #pgMysql()}, with content sharded over three MariaDB/MySQL databases by user_id. */
  static LoadedTopology pgMysqlSharded() throws SQLException {
    return RailsFixtures.shared(Topology.pgMysqlSharded());
  }

  /** The argument source of {@link AcrossTopologies}: split clusters, and split clusters with a sharded one. */
  static Stream<Named<LoadedTopology>> both() throws SQLException {
    return Stream.of(Named.of("pg_pg", pgPg()), Named.of("pg_mysql", pgMysql()),
        Named.of("pg_sharded", pgSharded()), Named.of("pg_mysql_sharded", pgMysqlSharded()));
  }
}
