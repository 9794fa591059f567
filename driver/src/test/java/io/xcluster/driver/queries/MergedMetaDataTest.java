package io.xcluster.driver.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xcluster.driver.XClusterDataSource;
import io.xcluster.testing.LoadedTopology;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code DatabaseMetaData} answers as one database: every cluster's tables and columns in one result, each
 * table once (from the cluster that owns it), sorted as JDBC specifies; questions about one table (primary
 * keys, indexes) reach the cluster that owns it, PostgreSQL or MariaDB.
 */
class MergedMetaDataTest {
  private static final List<String> FIXTURE_TABLES =
      List.of("comments", "dogs", "humans", "posts", "subscriptions", "treats", "users");

  static java.util.stream.Stream<Named<LoadedTopology>> topologies() throws SQLException {
    return SplitClusters.both();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topologies")
  void getTablesListsEveryClustersTablesOnceInOrder(LoadedTopology topology) throws SQLException {
    try (XClusterDataSource dataSource = new XClusterDataSource(topology.jdbcUrl());
        Connection connection = dataSource.getConnection()) {
      DatabaseMetaData metaData = connection.getMetaData();
      List<String> names = new ArrayList<>();
      List<String> sortKeys = new ArrayList<>();
      try (ResultSet tables = metaData.getTables(null, null, "%", new String[] {"TABLE"})) {
        assertNull(tables.getStatement());
        while (tables.next()) {
          names.add(tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
          sortKeys.add(nullFirst(tables.getString("TABLE_CAT")) + "\u0001" + nullFirst(tables.getString("TABLE_SCHEM"))
              + "\u0001" + tables.getString("TABLE_NAME"));
        }
      }
      assertTrue(names.containsAll(FIXTURE_TABLES), names.toString());
      assertEquals(names.stream().distinct().count(), names.size(), "each table once: " + names);
      assertEquals(sortKeys.stream().sorted().toList(), sortKeys, "ordered by TABLE_CAT, TABLE_SCHEM, TABLE_NAME");
      try (ResultSet users = metaData.getTables(null, null, "user%", new String[] {"TABLE"})) {
        assertTrue(users.next());
        assertEquals("users", users.getString(3).toLowerCase(Locale.ROOT));
      }
    }
  }

  private static String nullFirst(String value) {
    return value == null ? "" : "\u0002" + value;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topologies")
  void columnsAndKeysComeFromTheClusterThatOwnsTheTable(LoadedTopology topology) throws SQLException {
    List<String> expected = new ArrayList<>();
    try (Connection colocated = topology.connectColocated();
        ResultSet columns = colocated.getMetaData().getColumns(null, null, "posts", "%")) {
      while (columns.next()) {
        expected.add(columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
      }
    }
    try (XClusterDataSource dataSource = new XClusterDataSource(topology.jdbcUrl());
        Connection connection = dataSource.getConnection()) {
      DatabaseMetaData metaData = connection.getMetaData();
      List<String> names = new ArrayList<>();
      List<Integer> positions = new ArrayList<>();
      try (ResultSet columns = metaData.getColumns(null, null, "posts", "%")) {
        while (columns.next()) {
          names.add(columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
          positions.add(columns.getInt("ORDINAL_POSITION"));
        }
      }
      assertEquals(expected, names, "the posts columns, once, in order");
      assertEquals(java.util.stream.IntStream.rangeClosed(1, names.size()).boxed().toList(), positions);
      try (ResultSet keys = metaData.getPrimaryKeys(null, null, "posts")) {
        assertTrue(keys.next(), "posts has a primary key in its cluster");
        assertEquals("id", keys.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
        assertTrue(!keys.next(), "one key column, from one database");
      }
      try (ResultSet indexes = metaData.getIndexInfo(null, null, "posts", false, true)) {
        assertTrue(indexes.next(), "the primary key's index at least");
      }
    }
  }
}
