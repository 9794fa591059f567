package io.xcluster.driver.runtime;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.xcluster.config.ClusterConfig;
import io.xcluster.config.ConfigException;
import io.xcluster.config.ConfigException.Problem;
import io.xcluster.config.Secret;
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
 * One HikariCP pool per target: each cluster's primary and each of its read replicas. Every pool's settings
 * are checked when the runtime is built (an unknown pool property fails {@code getConnection} before anything
 * starts), but a pool only starts on its first borrow, so a server an application never touches costs nothing.
 */
final class ClusterPools implements AutoCloseable {
  private final Map<Target, LazyPool> pools;

  ClusterPools(XClusterConfig config) {
    Map<Target, LazyPool> built = new LinkedHashMap<>();
    List<Problem> problems = new ArrayList<>();
    for (ClusterConfig cluster : config.servers()) { // each shard of a sharded cluster is a server of its own
      Server primary = new Server(Target.primary(cluster.name()), cluster.url(), cluster.username(),
          cluster.password(), cluster.pool());
      add(built, primary, "cluster '" + cluster.name() + "'", config.source(), problems);
      for (ClusterConfig.Replica replica : cluster.replicas().servers()) {
        Server server = new Server(Target.replica(cluster.name(), replica.name()), replica.url(),
            replica.username(), replica.password(), replica.pool());
        add(built, server, "replica '" + replica.name() + "' of cluster '" + cluster.name() + "'", config.source(),
            problems);
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    this.pools = Map.copyOf(built);
  }

  /** Where one pool connects to. */
  private record Server(Target target, String url, String username, Secret password, Map<String, String> pool) {}

  private static void add(Map<Target, LazyPool> built, Server server, String owner, String source,
      List<Problem> problems) {
    try {
      built.put(server.target(), new LazyPool(server.target(), Secret.maskUrl(server.url()), hikariConfig(server)));
    } catch (RuntimeException invalid) {
      problems.add(new Problem(source, 0, owner + " has an invalid pool setting: " + invalid.getMessage(),
          "use HikariCP property names (e.g. maximumPoolSize, connectionTimeout) under 'pool'"));
    }
  }

  private static HikariConfig hikariConfig(Server server) {
    Properties properties = new Properties();
    // Start the pool even while the server is down; borrowing then waits connectionTimeout and fails with
    // an error naming the cluster, and the pool recovers by itself when the server returns.
    properties.setProperty("initializationFailTimeout", "-1");
    properties.putAll(server.pool());
    HikariConfig hikari = new HikariConfig(properties);
    hikari.setPoolName("xcluster-" + server.target().label().replace('/', '-'));
    io.xcluster.driver.metrics.MetricsExport.trackPool(hikari);
    hikari.setJdbcUrl(server.url());
    if (server.username() != null) {
      hikari.setUsername(server.username());
    }
    if (!server.password().isEmpty()) {
      hikari.setPassword(server.password().reveal());
    }
    return hikari;
  }

  Connection borrow(Target target) throws SQLException {
    return pool(target).borrow();
  }

  /**
   * A connection of the target's pool only if one is free at once, else null: never waits, so a plan
   * holding a connection of this pool can ask for a second one without risking a deadlock. Null too unless
   * {@code leaveIdle} more connections stay idle.
   */
  Connection borrowIfFree(Target target, int leaveIdle) {
    HikariDataSource pool = startedPool(target);
    if (pool == null || !(pool.getHikariPoolMXBean() instanceof HikariPool hikari)
        || hikari.getIdleConnections() <= leaveIdle) {
      return null;
    }
    try {
      return hikari.getConnection(0);
    } catch (SQLException none) {
      return null;
    }
  }

  /**
   * Whether the target answers: a connection borrowed within {@code timeoutMillis} that passes
   * {@code isValid}. A connection that fails the check is evicted, so the next probe gets a fresh one.
   */
  boolean answers(Target target, long timeoutMillis) {
    HikariDataSource pool;
    try {
      pool = pool(target).start();
    } catch (SQLException closed) {
      return false;
    }
    if (!(pool.getHikariPoolMXBean() instanceof HikariPool hikari)) {
      return false;
    }
    try (Connection connection = hikari.getConnection(timeoutMillis)) {
      if (connection.isValid((int) Math.max(1, (timeoutMillis + 999) / 1000))) {
        return true;
      }
      pool.evictConnection(connection);
      return false;
    } catch (SQLException down) {
      return false;
    }
  }

  /** Marks every connection of the target's pool for replacement: taken when the server was found broken. */
  void evictAll(Target target) {
    HikariDataSource pool = startedPool(target);
    if (pool != null && pool.getHikariPoolMXBean() != null) {
      pool.getHikariPoolMXBean().softEvictConnections();
    }
  }

  /** Connections of the target's pool lent out now; 0 when the pool has not started. */
  int active(Target target) {
    HikariDataSource pool = startedPool(target);
    return pool == null || pool.getHikariPoolMXBean() == null ? 0 : pool.getHikariPoolMXBean().getActiveConnections();
  }

  /** The started pool of a cluster's primary, if it has started: for metrics and tests of pool behaviour. */
  HikariDataSource startedPool(String cluster) {
    return startedPool(Target.primary(cluster));
  }

  HikariDataSource startedPool(Target target) {
    LazyPool pool = pools.get(target);
    return pool == null ? null : pool.started;
  }

  private LazyPool pool(Target target) {
    LazyPool pool = pools.get(target);
    if (pool == null) {
      throw new IllegalArgumentException("no server " + target.label());
    }
    return pool;
  }

  @Override
  public void close() {
    pools.values().forEach(LazyPool::close);
  }

  private static final class LazyPool {
    private final Target target;
    private final String safeUrl;
    private final HikariConfig settings;
    private volatile HikariDataSource started;
    private boolean closed;

    LazyPool(Target target, String safeUrl, HikariConfig settings) {
      this.target = target;
      this.safeUrl = safeUrl;
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
        throw SqlExceptions.clusterUnavailable(target.label(), safeUrl, cause);
      }
    }

    synchronized HikariDataSource start() throws SQLException {
      if (closed) {
        throw SqlExceptions.of(io.xcluster.error.SqlState.CONNECTION_CLOSED,
            "the xcluster runtime for cluster '" + target.cluster() + "' has been shut down");
      }
      if (started == null) {
        HikariConfig copy = new HikariConfig();
        settings.copyStateTo(copy);
        try {
          started = new HikariDataSource(copy);
        } catch (RuntimeException refused) {
          throw cannotStart(refused);
        }
      }
      return started;
    }

    /**
     * HikariCP refuses to start a pool when no driver on the classpath accepts the URL. Its message holds the
     * raw URL, password parameters included, so it is not chained; its cause ("No suitable driver") is.
     */
    private SQLException cannotStart(RuntimeException refused) {
      SQLException cause = refused.getCause() instanceof SQLException sql ? sql : null;
      String why = cause != null ? cause.getMessage() : refused.getClass().getSimpleName();
      return SqlExceptions.of(io.xcluster.error.SqlState.CONFIGURATION, "cluster '" + target.label() + "' ("
          + safeUrl + ") cannot open connections: " + why + ". Fix: put the database's JDBC driver on the"
          + " application's classpath (org.postgresql:postgresql for jdbc:postgresql: URLs,"
          + " com.mysql:mysql-connector-j for jdbc:mysql:)",
          cause);
    }

    synchronized void close() {
      closed = true;
      if (started != null) {
        started.close();
      }
    }
  }
}
