package io.xcluster.testing;

import java.util.List;

/**
 * One cluster of a {@link Topology}: the fixture tables it owns, in which database of which server.
 *
 * @param cluster the cluster's name in the generated configuration, a simple identifier
 * @param database the database name on {@code server}, a simple identifier
 * @param tables the tables the cluster owns; unmodifiable, not empty
 */
public record ClusterPlacement(
    String cluster, DbServer server, String database, List<FixtureTable> tables) {

  public ClusterPlacement {
    DatabaseNames.requireSimple(cluster);
    DatabaseNames.requireSimple(database);
    tables = List.copyOf(tables);
    if (tables.isEmpty()) {
      throw new IllegalArgumentException("Cluster " + cluster + " owns no tables");
    }
  }

  public Dialect dialect() {
    return server.dialect();
  }

  /** The JDBC URL of this cluster's database. */
  public String jdbcUrl() {
    return server.jdbcUrl(database);
  }
}
