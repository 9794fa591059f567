package io.xcluster.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class RailsFixturesTest {

  @Test
  void postgresOnlyTopologyMatchesColocatedDatabase() throws Exception {
    LoadedTopology loaded = RailsFixtures.load(Topology.pgPg("xc_t_pp_"));

    assertClustersMatchColocated(loaded);
  }

  @Test
  void mixedTopologyMatchesColocatedDatabase() throws Exception {
    LoadedTopology loaded = RailsFixtures.load(Topology.pgMysql("xc_t_pm_"));

    assertClustersMatchColocated(loaded);
  }

  @Test
  void keysAreBigintOnPostgresAndIntOnMysql() throws Exception {
    LoadedTopology loaded = RailsFixtures.shared(Topology.pgMysql("xc_t_pm_"));

    assertEquals("int8", columnType(loaded.connect("accounts"), "users", "id"));
    assertEquals("int", columnType(loaded.connect("content"), "posts", "id"));
    assertEquals("int8", columnType(loaded.connectColocated(), "posts", "id"));
  }

  @Test
  void configFileDescribesEveryCluster() throws Exception {
    LoadedTopology loaded = RailsFixtures.shared(Topology.pgMysql("xc_t_pm_"));
    String yaml = Files.readString(loaded.configFile());

    assertEquals(loaded.configYaml(), yaml);
    assertEquals("jdbc:xcluster:" + loaded.configFile(), loaded.jdbcUrl());
    assertTrue(loaded.configFile().isAbsolute());
    assertTrue(yaml.contains("clusters:\n  accounts:\n"), yaml);
    assertTrue(
        yaml.contains("    url: \"" + DbServers.mysql().jdbcUrl("xc_t_pm_content") + "\"\n"), yaml);
    assertTrue(yaml.contains("    password: \"\"\n"), yaml);
    assertTrue(yaml.contains("    pool: { maximumPoolSize: 4 }\n"), yaml);
    assertTrue(yaml.contains("    tables: [posts, comments]\n"), yaml);
    assertTrue(yaml.endsWith("defaultCluster: \"accounts\"\n"), yaml);
  }

  @Test
  void sharedLoadsOncePerTopology() throws Exception {
    Topology topology = Topology.pgMysql("xc_t_pm_");

    LoadedTopology first = RailsFixtures.shared(topology);

    assertSame(first, RailsFixtures.shared(Topology.pgMysql("xc_t_pm_")));
  }

  /** Every table holds the same rows in its cluster and in the colocated database. */
  static void assertClustersMatchColocated(LoadedTopology loaded) throws Exception {
    for (ClusterPlacement cluster : loaded.topology().clusters()) {
      for (FixtureTable table : cluster.tables()) {
        String sql = "SELECT * FROM " + table.tableName() + " ORDER BY id";
        List<List<Object>> split;
        List<List<Object>> colocated;
        try (Connection connection = loaded.connect(cluster.cluster())) {
          split = normalize(Sql.queryRows(connection, sql));
        }
        try (Connection connection = loaded.connectColocated()) {
          colocated = normalize(Sql.queryRows(connection, sql));
        }
        assertEquals(loaded.data().sizes().of(table), split.size(), table.tableName());
        assertEquals(colocated, split, table.tableName() + " in " + cluster.cluster());
        assertEquals(normalize(loaded.data().rows(table)), split, table.tableName());
      }
    }
  }

  /** Integers as longs and timestamps as LocalDateTime, so engines' Java types compare equal. */
  private static List<List<Object>> normalize(List<List<Object>> rows) {
    List<List<Object>> normalized = new ArrayList<>();
    for (List<Object> row : rows) {
      List<Object> values = new ArrayList<>();
      for (Object value : row) {
        if (value instanceof Integer || value instanceof Long) {
          values.add(((Number) value).longValue());
        } else if (value instanceof Timestamp timestamp) {
          values.add(timestamp.toLocalDateTime());
        } else {
          values.add(value);
        }
      }
      normalized.add(values);
    }
    return normalized;
  }

  private static String columnType(Connection connection, String table, String column)
      throws Exception {
    try (connection) {
      DatabaseMetaData metaData = connection.getMetaData();
      try (ResultSet columns = metaData.getColumns(connection.getCatalog(), null, table, column)) {
        assertTrue(columns.next(), table + "." + column);
        return columns.getString("TYPE_NAME").toLowerCase(Locale.ROOT);
      }
    }
  }
}
