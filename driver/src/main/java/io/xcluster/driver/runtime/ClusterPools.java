package io.xcluster.driver.runtime;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.xcluster.config.ClusterConfig;
import io.xcluster.config.ConfigException;
import io.xcluster.config.ConfigException.Problem;
import io.xcluster.config.XClusterConfig;
import io.xcluster.driver.jdbc.SqlExceptions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * One HikariCP pool per cluster. Every pool's settings are checked when the runtime is built (an unknown
 * pool property fails {@code getConnection} before anything starts), but a pool only starts on its first
 * borrow, so a cluster an application never touches costs nothing.
 */
final class ClusterPools implements AutoCloseable {
  private final Map<String, LazyPool> pools;

  ClusterPools(XClusterConfig config) {
    Map<String, LazyPool> built = new LinkedHashMap<>();
    List<Problem> problems = new ArrayList<>();
    for (ClusterConfig cluster : config.servers()) {
      try {
        built.put(cluster.name(), new LazyPool(cluster, hikariConfig(cluster)));
      } catch (RuntimeException invalid) {
        problems.add(new Problem(config.source(), 0,
            "cluster '" + cluster.name() + "' has an invalid pool setting: " + invalid.getMessage(),
            "use HikariCP property names (e.g. maximumPoolSize, connectionTimeout) under 'pool'"));
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    this.pools = Map.copyOf(built);
  }

  private static HikariConfig hikariConfig(ClusterConfig cluster) {
    Properties properties = new Properties();
    // Start the pool even while the cluster is down; borrowing then waits connectionTimeout and fails with
    // an error naming the cluster, and the pool recovers by itself when the cluster returns.
    properties.setProperty("initializationFailTimeout", "-1");
    properties.putAll(cluster.pool());
    HikariConfig hikari = new HikariConfig(properties);
    hikari.setPoolName("xcluster-" + cluster.name());
    io.xcluster.driver.metrics.MetricsExport.trackPool(hikari);
    hikari.setJdbcUrl(cluster.url());
    if (cluster.username() != null) {
      hikari.setUsername(cluster.username());
    }
    if (!cluster.password().isEmpty()) {
      hikari.setPassword(cluster.password().reveal());
    }
    return hikari;
  }

  Connection borrow(String cluster) throws SQLException {
    LazyPool pool = pools.get(cluster);
    if (pool == null) {
      throw new IllegalArgumentException("no cluster named " + cluster);
    }
    return pool.borrow();
  }

  /**
   * A connection of the cluster's pool only if one is free at once, else null: never waits, so a plan
   * holding a connection of this pool can ask for a second one without risking a deadlock.
   */
  Connection borrowIfFree(String cluster) {
    HikariDataSource pool = startedPool(cluster);
    if (pool == null || !(pool.getHikariPoolMXBean() instanceof HikariPool hikari)
        || hikari.getIdleConnections() == 0) {
      return null;
    }
    try {
      return hikari.getConnection(0);
    } catch (SQLException none) {
      return null;
    }
  }

  /** The started pool of a cluster, if it has started: for metrics and tests of pool behaviour. */
  HikariDataSource startedPool(String cluster) {
    LazyPool pool = pools.get(cluster);
    return pool == null ? null : pool.started;
  }

  @Override
  public void close() {
    pools.values().forEach(LazyPool::close);
  }

  private static final class LazyPool {
    private final ClusterConfig cluster;
    private final HikariConfig settings;
    private volatile HikariDataSource started;
    private boolean closed;

    LazyPool(ClusterConfig cluster, HikariConfig settings) {
      this.cluster = cluster;
      this.settings = settings;
    }

    Connection borrow() throws SQLException {
      HikariDataSource pool = started;
      if (pool == null) {
        pool = start();
      }
      try {
        return pool.getConnection();
      } catch (SQLException cause) {
        throw SqlExceptions.clusterUnavailable(cluster.name(), cluster.safeUrl(), cause);
      }
    }

    private synchronized HikariDataSource start() throws SQLException {
      if (closed) {
        throw SqlExceptions.of(io.xcluster.error.SqlState.CONNECTION_CLOSED,
            "the xcluster runtime for cluster '" + cluster.name() + "' has been shut down");
      }
      if (started == null) {
        HikariConfig copy = new HikariConfig();
        settings.copyStateTo(copy);
        started = new HikariDataSource(copy);
      }
      return started;
    }

    synchronized void close() {
      closed = true;
      if (started != null) {
        started.close();
      }
    }
  }
}
