package io.xcluster.testing;

import java.util.List;

/**
 * One cluster of a {@link Topology}: the fixture tables it owns, in which database of which server.
 *
 * @param cluster the cluster's name in the generated configuration, a simple identifier
 * @param database the database name on {@code server}, a simple identifier
 * @param tables the tables the cluster owns; unmodifiable, not empty
 * @param shards 0 for a cluster of one database; else how many shards (databases {@code <database>_s0},
 *     {@code _s1}...) its rows are spread over, each table by its {@link #shardKey} with the hash rule
 */
public record ClusterPlacement(
    String cluster, DbServer server, String database, List<FixtureTable> tables, int shards) {

  public ClusterPlacement(String cluster, DbServer server, String database, List<FixtureTable> tables) {
    this(cluster, server, database, tables, 0);
  }

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

  /** The JDBC URL of this cluster's database (of its first shard, when sharded). */
  public String jdbcUrl() {
    return server.jdbcUrl(shards == 0 ? database : shardDatabase(0));
  }

  public boolean sharded() {
    return shards > 0;
  }

  public String shardDatabase(int shard) {
    return DatabaseNames.requireSimple(database + "_s" + shard);
  }

  /** The column a sharded cluster spreads a table's rows by: its user_id where it has one, else its id. */
  public static String shardKey(FixtureTable table) {
    return table.columns().stream().anyMatch(column -> column.name().equals("user_id")) ? "user_id" : "id";
  }

  /**
   * The shard that holds a row under xcluster's hash rule for integer keys, {@code floorMod(key, shards)},
   * written out here independently of the driver so that a wrong placement shows as a failed comparison.
   */
  public int shardOf(FixtureTable table, List<Object> row) {
    int column = table.columns().stream().map(FixtureColumn::name).toList().indexOf(shardKey(table));
    return (int) Math.floorMod(((Number) row.get(column)).longValue(), (long) shards);
  }
}
