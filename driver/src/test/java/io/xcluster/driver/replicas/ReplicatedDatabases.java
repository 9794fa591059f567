package io.xcluster.driver.replicas;

import io.xcluster.testing.DbServer;
import io.xcluster.testing.Sql;
import io.xcluster.testing.YamlClusters;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A primary and its read replicas as databases of one real server, for the replica tests: {@code
 * <prefix>_primary}, {@code <prefix>_r1}, {@code <prefix>_r2}... each created with the same tables and rows,
 * plus a one-row table {@code marker} naming the database ({@code primary}, {@code replica1}, {@code replica2},
 * the names xcluster gives replicas by position), so that a test sees which database answered. There is no
 * replication: what a test writes through the primary, the replicas lack, which is how a test sees that a
 * read went to the primary.
 */
final class ReplicatedDatabases implements AutoCloseable {
  static final String MARKER = "SELECT server FROM marker";

  private final DbServer server;
  private final String prefix;
  private final int replicas;

  private ReplicatedDatabases(DbServer server, String prefix, int replicas) {
    this.server = server;
    this.prefix = prefix;
    this.replicas = replicas;
  }

  /** Creates (or recreates) the primary and {@code replicas} replicas, each running {@code schemaAndRows}. */
  static ReplicatedDatabases create(DbServer server, String prefix, int replicas, String... schemaAndRows)
      throws SQLException {
    ReplicatedDatabases databases = new ReplicatedDatabases(server, prefix, replicas);
    for (int index = 0; index <= replicas; index++) {
      server.recreateDatabase(databases.database(index));
      try (Connection connection = databases.connect(index)) {
        Sql.run(connection, schemaAndRows);
        Sql.run(connection, "CREATE TABLE marker (server VARCHAR(20) NOT NULL)",
            "INSERT INTO marker VALUES ('" + marker(index) + "')");
      }
    }
    return databases;
  }

  /** What {@link #MARKER} answers on database {@code index}: 0 the primary, 1... the replicas. */
  static String marker(int index) {
    return index == 0 ? "primary" : "replica" + index;
  }

  DbServer server() {
    return server;
  }

  String database(int index) {
    return prefix + (index == 0 ? "_primary" : "_r" + index);
  }

  String url(int index) {
    return server.jdbcUrl(database(index));
  }

  /** A direct connection to database {@code index}, bypassing xcluster. */
  Connection connect(int index) throws SQLException {
    return server.connect(database(index));
  }

  /**
   * The cluster's YAML entry: the primary with a small pool, each replica at its own database (or at the URL
   * {@code replicaUrls} gives instead, e.g. through a proxy) with a short connection timeout, and the
   * cluster's replica options as YAML lines ({@code "replicaReadDelay: 300ms"}).
   */
  String yaml(String cluster, List<String> replicaUrls, List<String> options, String... tables) {
    StringBuilder yaml = new StringBuilder(YamlClusters.entry(cluster, url(0), server, tables));
    yaml.append("    pool: { maximumPoolSize: 4, connectionTimeout: 2000 }\n");
    yaml.append("    replicas:\n");
    for (String url : replicaUrls) {
      yaml.append("      - url: \"").append(url).append("\"\n");
      yaml.append("        pool: { connectionTimeout: 500 }\n");
    }
    options.forEach(option -> yaml.append("    ").append(option).append('\n'));
    return yaml.toString();
  }

  /** The replicas' own URLs, in order. */
  List<String> replicaUrls() {
    List<String> urls = new ArrayList<>();
    for (int index = 1; index <= replicas; index++) {
      urls.add(url(index));
    }
    return urls;
  }

  @Override
  public void close() throws SQLException {
    for (int index = 0; index <= replicas; index++) {
      server.dropDatabase(database(index));
    }
  }
}
