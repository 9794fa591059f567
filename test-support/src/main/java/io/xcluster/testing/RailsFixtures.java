package io.xcluster.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Loads the Rails-style example schema ({@link FixtureTable}) into the databases of a {@link
 * Topology} and writes the matching xcluster configuration.
 *
 * <pre>{@code
 * LoadedTopology split = RailsFixtures.load(Topology.pgMysql());
 * try (Connection xcluster = DriverManager.getConnection(split.jdbcUrl());
 *     Connection colocated = split.connectColocated()) { ... compare ... }
 * }</pre>
 */
public final class RailsFixtures {
  /** The seed of {@link #load(Topology)} and {@link #shared(Topology)}. */
  public static final long DEFAULT_SEED = 20_240_101L;

  private static final Map<Topology, LoadedTopology> SHARED = new HashMap<>();

  private RailsFixtures() {}

  /** {@link #load(Topology, FixtureSizes, long)} with small sizes and {@link #DEFAULT_SEED}. */
  public static LoadedTopology load(Topology topology) throws SQLException {
    return load(topology, FixtureSizes.small(), DEFAULT_SEED);
  }

  /**
   * Recreates every database of {@code topology} (sessions on them are disconnected), creates the
   * tables each placement owns, inserts the rows generated from {@code sizes} and {@code seed}, and
   * writes the configuration to a new temporary directory (deleted at JVM exit).
   */
  public static LoadedTopology load(Topology topology, FixtureSizes sizes, long seed)
      throws SQLException {
    FixtureData data = FixtureData.generate(sizes, seed);
    for (ClusterPlacement placement : topology.clusters()) {
      loadPlacement(placement, data);
    }
    loadPlacement(topology.colocated(), data);
    String yaml = ClusterConfigYaml.render(topology);
    return new LoadedTopology(topology, data, writeConfig(topology, yaml), yaml);
  }

  /**
   * Loads {@code topology} with the defaults once per JVM and returns the same instance afterwards.
   * For read-only tests only: a test that writes, or that reloads the same databases, must use
   * {@link #load} with a topology of its own prefix.
   */
  public static synchronized LoadedTopology shared(Topology topology) throws SQLException {
    LoadedTopology loaded = SHARED.get(topology);
    if (loaded == null) {
      loaded = load(topology);
      SHARED.put(topology, loaded);
    }
    return loaded;
  }

  private static void loadPlacement(ClusterPlacement placement, FixtureData data)
      throws SQLException {
    DbServer server = placement.server();
    for (int shard = 0; shard < placement.shards(); shard++) {
      int own = shard;
      server.recreateDatabase(placement.shardDatabase(shard));
      try (Connection connection = server.connect(placement.shardDatabase(shard))) {
        FixtureLoader.load(connection, server.dialect(), placement.tables(), table -> data.rows(table).stream()
            .filter(row -> placement.shardOf(table, row) == own).toList());
      }
    }
    if (placement.sharded()) {
      return;
    }
    server.recreateDatabase(placement.database());
    try (Connection connection = server.connect(placement.database())) {
      FixtureLoader.load(connection, server.dialect(), placement.tables(), data);
    }
  }

  private static Path writeConfig(Topology topology, String yaml) {
    try {
      Path directory = Files.createTempDirectory("xcluster-" + topology.name() + "-");
      directory.toFile().deleteOnExit();
      Path file = directory.resolve("xcluster.yaml");
      Files.writeString(file, yaml, StandardCharsets.UTF_8);
      file.toFile().deleteOnExit();
      return file.toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the xcluster configuration", e);
    }
  }
}
