package io.xcluster.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopologyTest {

  @Test
  void standardLayoutNamesDatabasesWithThePrefix() {
    Topology topology = Topology.pgPg("xc_");

    assertEquals("xc_accounts", topology.cluster("accounts").database());
    assertEquals("xc_colocated", topology.colocated().database());
    assertEquals("content", topology.clusterOf(FixtureTable.COMMENTS).cluster());
    assertEquals(
        List.of("accounts", "content", "pets", "people", "kitchen"),
        topology.clusters().stream().map(ClusterPlacement::cluster).toList());
  }

  @Test
  void mixedLayoutPutsContentAndKitchenOnMysql() {
    Topology topology = Topology.pgMysql();

    assertEquals(Dialect.MYSQL, topology.cluster("content").dialect());
    assertEquals(Dialect.MYSQL, topology.cluster("kitchen").dialect());
    assertEquals(Dialect.POSTGRESQL, topology.cluster("accounts").dialect());
    assertEquals(Dialect.POSTGRESQL, topology.colocated().dialect());
  }

  @Test
  void tableInTwoClustersIsRejected() {
    DbServer pg = DbServers.postgres();
    List<ClusterPlacement> clusters =
        List.of(
            new ClusterPlacement("a", pg, "xc_a", List.of(FixtureTable.USERS)),
            new ClusterPlacement("b", pg, "xc_b", List.of(FixtureTable.USERS)));
    ClusterPlacement colocated =
        new ClusterPlacement("colocated", pg, "xc_c", List.of(FixtureTable.values()));

    assertThrows(
        IllegalArgumentException.class, () -> new Topology("t", clusters, "a", colocated));
  }

  @Test
  void unknownDefaultClusterIsRejected() {
    Topology valid = Topology.pgPg();

    assertThrows(
        IllegalArgumentException.class,
        () -> new Topology("t", valid.clusters(), "nowhere", valid.colocated()));
  }
}
