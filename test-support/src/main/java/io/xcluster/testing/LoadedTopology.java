package io.xcluster.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A {@link Topology} whose databases exist and hold {@link #data()}, with the driver configuration
 * that describes it written to {@link #configFile()}.
 */
public final class LoadedTopology {
  /** The prefix of xcluster JDBC URLs; the configuration file's path follows it. */
  public static final String URL_PREFIX = "jdbc:xcluster:";

  private final Topology topology;
  private final FixtureData data;
  private final Path configFile;
  private final String configYaml;

  LoadedTopology(Topology topology, FixtureData data, Path configFile, String configYaml) {
    this.topology = topology;
    this.data = data;
    this.configFile = configFile;
    this.configYaml = configYaml;
  }

  public Topology topology() {
    return topology;
  }

  /** The rows every database was loaded with, for expected values. */
  public FixtureData data() {
    return data;
  }

  /** The generated YAML configuration: an absolute path in a temporary directory. */
  public Path configFile() {
    return configFile;
  }

  /** The text of {@link #configFile()}, for tests that write a variant of it. */
  public String configYaml() {
    return configYaml;
  }

  /** {@code jdbc:xcluster:<absolute path of configFile()>}. */
  public String jdbcUrl() {
    return URL_PREFIX + configFile;
  }

  /**
   * An xcluster URL of this configuration with {@code parameters} ({@code useCursorFetch=true}) added to the
   * JDBC URL of every server on {@code dialect}, written to a new file beside {@link #configFile()}.
   */
  public String jdbcUrlWithServerParameters(Dialect dialect, String parameters) throws IOException {
    String yaml = configYaml;
    for (ClusterPlacement placement : topology.clusters()) {
      if (placement.dialect() != dialect) {
        continue;
      }
      List<String> urls = !placement.sharded() ? List.of(placement.jdbcUrl())
          : IntStream.range(0, placement.shards())
              .mapToObj(shard -> placement.server().jdbcUrl(placement.shardDatabase(shard))).toList();
      for (String url : urls) {
        String quoted = ClusterConfigYaml.quote(url);
        if (!yaml.contains(quoted)) {
          throw new IllegalStateException("the configuration does not name " + url + ": " + configFile);
        }
        String extended = url + (url.contains("?") ? "&" : "?") + parameters;
        yaml = yaml.replace(quoted, ClusterConfigYaml.quote(extended));
      }
    }
    Path file = Files.createTempFile(configFile.getParent(), "xcluster-parameters-", ".yaml");
    Files.writeString(file, yaml);
    return URL_PREFIX + file;
  }

  /** A direct connection (not through xcluster) to {@code cluster}'s database. */
  public Connection connect(String cluster) throws SQLException {
    ClusterPlacement placement = topology.cluster(cluster);
    return placement.server().connect(placement.database());
  }

  /** A direct connection to the colocated database that holds every table. */
  public Connection connectColocated() throws SQLException {
    ClusterPlacement colocated = topology.colocated();
    return colocated.server().connect(colocated.database());
  }

  /** Drops every database of the topology, the colocated one included. */
  public void dropDatabases() throws SQLException {
    for (ClusterPlacement placement : topology.clusters()) {
      for (int shard = 0; shard < placement.shards(); shard++) {
        placement.server().dropDatabase(placement.shardDatabase(shard));
      }
      if (!placement.sharded()) {
        placement.server().dropDatabase(placement.database());
      }
    }
    topology.colocated().server().dropDatabase(topology.colocated().database());
  }
}
