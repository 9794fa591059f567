package io.xcluster.driver.runtime;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.xcluster.driver.result.ColumnMeta;
import io.xcluster.rewriter.CrossClusterPlan;
import io.xcluster.config.ClusterConfig;
import io.xcluster.config.ConfigLoader;
import io.xcluster.config.XClusterConfig;
import io.xcluster.config.XClusterUrl;
import io.xcluster.driver.jdbc.SqlExceptions;
import io.xcluster.error.XClusterException;
import io.xcluster.config.Options;
import io.xcluster.driver.QueryListener;
import io.xcluster.rewriter.ColumnCatalog;
import io.xcluster.rewriter.Dialect;
import io.xcluster.rewriter.Plan;
import io.xcluster.rewriter.Planner;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything one configuration needs at run time, created once and shared by all its connections: the
 * validated configuration, the planner with its plan cache, and the lazily started pools.
 */
public final class XClusterRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(XClusterRuntime.class);

  private final XClusterConfig config;
  private final Planner planner;
  private final ClusterPools pools;
  private final ColumnCatalogCache catalog = new ColumnCatalogCache();
  /**
   * The result columns of each cross-cluster fetch, as its cluster described them the first time it ran. Keyed
   * by the fetch's identity (weak keys): an entry lives as long as the cached plan that holds the fetch. Its
   * upkeep (clearing collected keys) runs on the thread that reads: Caffeine's default hands it to the common
   * pool, whose wake-ups cost a cross-cluster statement tens of microseconds.
   */
  private final Cache<CrossClusterPlan.Fetch, List<ColumnMeta>> fetchColumns =
      Caffeine.newBuilder().weakKeys().executor(Runnable::run).build();
  private final List<QueryListener> listeners = new CopyOnWriteArrayList<>();
  private final Map<String, TextCollation> collations = new ConcurrentHashMap<>();
  private final ExecutorService fetchers = Executors.newCachedThreadPool(new FetcherThreads());
  private final java.util.concurrent.ScheduledThreadPoolExecutor timers = timeoutTimer();
  private final ReplicaRotation replicas;
  /** Every cluster and every shard server by name, built once: looked up on each physical connection's route. */
  private final Map<String, ClusterConfig> byName;

  private final io.xcluster.driver.metrics.ClusterMetrics metrics;
  private final io.xcluster.driver.metrics.MetricsExport export;

  private XClusterRuntime(XClusterConfig config) {
    this.config = config;
    Map<String, ClusterConfig> names = new java.util.HashMap<>(config.clusters());
    config.servers().forEach(server -> names.put(server.name(), server));
    this.byName = Map.copyOf(names);
    this.planner = new Planner(config);
    this.pools = new ClusterPools(config);
    this.replicas = new ReplicaRotation(config, pools, timers, fetchers);
    this.metrics = new io.xcluster.driver.metrics.ClusterMetrics(
        cluster -> java.util.Optional.ofNullable(pools.startedPool(cluster)).map(pool -> pool.getHikariPoolMXBean()));
    listeners.add(metrics);
    config.options().listeners().forEach(name -> listeners.add(listener(name)));
    this.export = io.xcluster.driver.metrics.MetricsExport.publish(config.source(),
        config.servers().stream().map(ClusterConfig::name).toList(),
        metrics);
  }

  /** A listener the configuration names: a QueryListener class with a public no-argument constructor. */
  private QueryListener listener(String className) {
    String where = "listener '" + className + "' of " + config.source();
    try {
      Class<?> type = Class.forName(className, true, Thread.currentThread().getContextClassLoader() != null
          ? Thread.currentThread().getContextClassLoader() : XClusterRuntime.class.getClassLoader());
      if (!QueryListener.class.isAssignableFrom(type)) {
        throw new XClusterException(io.xcluster.error.SqlState.CONFIGURATION, where + " is not a "
            + QueryListener.class.getName() + ". Fix: implement that interface, or remove it from 'listeners'");
      }
      return (QueryListener) type.getConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError unusable) {
      throw new XClusterException(io.xcluster.error.SqlState.CONFIGURATION, where + " cannot be created ("
          + unusable.getClass().getSimpleName() + "). Fix: put the class on the class path with a public"
          + " no-argument constructor, or remove it from 'listeners'", unusable);
    }
  }

  /** Per-cluster counts of this configuration's physical queries (also in JMX and Micrometer). */
  public io.xcluster.driver.metrics.ClusterMetrics metrics() {
    return metrics;
  }

  /**
   * Loads and validates the configuration the URL names. Nothing is started: pools start on first use.
   *
   * @throws SQLException with every configuration problem (file, line, fix)
   */
  public static XClusterRuntime open(XClusterUrl url) throws SQLException {
    try {
      XClusterRuntime runtime = new XClusterRuntime(ConfigLoader.load(url));
      LOG.info("xcluster configuration {} loaded: {}", runtime.config.source(), runtime.describeClusters());
      return runtime;
    } catch (XClusterException invalid) {
      throw SqlExceptions.from(invalid);
    }
  }

  private String describeClusters() {
    return config.clusters().values().stream()
        .map(c -> c.name() + " " + c.safeUrl() + " " + c.tables())
        .collect(Collectors.joining("; "));
  }

  public XClusterConfig config() {
    return config;
  }

  /**
   * The plan for a SQL string, from the cache when it was planned before. Columns a cross-cluster plan needs
   * to know come from the catalog cache, or else through {@code lookup} (the caller's own connection).
   */
  public Plan plan(String sql, ColumnCatalog lookup) throws SQLException {
    try {
      return planner.plan(sql, catalog.through(lookup));
    } catch (XClusterException refused) {
      throw SqlExceptions.from(refused);
    } catch (CatalogLookupFailure failure) {
      throw failure.getCause();
    }
  }

  /** How many parameters a SELECT holds ({@link Planner#parameterCount}). */
  public int parameterCount(String sql) throws SQLException {
    try {
      return planner.parameterCount(sql);
    } catch (XClusterException refused) {
      throw SqlExceptions.from(refused);
    }
  }

  /** Forgets cached plans and columns: called after DDL ran through xcluster. */
  public void schemaChanged() {
    planner.invalidate();
    catalog.clear();
    fetchColumns.invalidateAll();
  }

  /** The columns {@code fetch} returned when it last ran, or empty when it has not run (or DDL ran since). */
  public List<ColumnMeta> knownColumns(CrossClusterPlan.Fetch fetch) {
    List<ColumnMeta> known = fetchColumns.getIfPresent(fetch);
    return known == null ? List.of() : known;
  }

  public void rememberColumns(CrossClusterPlan.Fetch fetch, List<ColumnMeta> columns) {
    fetchColumns.put(fetch, List.copyOf(columns));
  }

  public Options options() {
    return config.options();
  }

  public void addQueryListener(QueryListener listener) {
    listeners.add(listener);
  }

  public void removeQueryListener(QueryListener listener) {
    listeners.remove(listener);
  }

  public List<QueryListener> listeners() {
    return listeners;
  }

  /** A physical connection from the target's pool; the caller closes it to give it back. */
  public Connection borrow(Target target) throws SQLException {
    return pools.borrow(target);
  }

  /** A further connection of the target's pool if one is free at once, else null; the caller closes it. */
  public Connection borrowIfFree(Target target, int leaveIdle) {
    return pools.borrowIfFree(target, leaveIdle);
  }

  // ---- read replicas (see ReplicaRotation) -------------------------------------------------------------

  /**
   * The replica a read of {@code cluster} should take: a healthy one with the fewest connections lent out,
   * ties taken in turn; empty when the cluster has no replica in rotation.
   */
  public java.util.Optional<Target> replicaFor(String cluster) {
    return replicas.choose(cluster);
  }

  /** Whether {@code target} may serve reads: the primary always, a replica while in rotation. */
  public boolean inRotation(Target target) {
    return target.isPrimary() || replicas.inRotation(target);
  }

  /** Takes a replica whose connection failed out of rotation until a probe finds it answering again. */
  public void replicaFailed(Target target, SQLException cause) {
    if (!target.isPrimary()) {
      replicas.failed(target, cause);
    }
  }

  /** The cluster's replicas, their masked URLs and whether each is in rotation: for error messages. */
  public String describeReplicas(String cluster) {
    return replicas.describe(cluster);
  }

  /** The cluster that answers questions about the whole database: the default cluster, else the first. */
  public String primaryCluster() {
    return config.tables().defaultCluster()
        .orElseGet(() -> config.clusters().keySet().iterator().next());
  }

  /** A cluster, or one shard of a sharded cluster by its server name ({@code content/shard0}). */
  public ClusterConfig cluster(String name) {
    ClusterConfig known = byName.get(name);
    return known != null ? known : config.cluster(name); // the latter names the unknown cluster in its error
  }

  /** Active (borrowed) connections of a cluster's pool, or 0 when it has not started. */
  public int activeConnections(String cluster) {
    var pool = pools.startedPool(cluster);
    return pool == null ? 0 : pool.getHikariPoolMXBean().getActiveConnections();
  }

  /** The cluster's collation when an earlier statement asked it already: no connection needed. */
  public java.util.Optional<TextCollation> knownCollation(String cluster) {
    return java.util.Optional.ofNullable(collations.get(cluster));
  }

  /**
   * The cluster's default text collation, asked once through {@code physical} (a connection of that cluster
   * the caller holds) and then remembered.
   */
  public TextCollation collation(String cluster, Connection physical) throws SQLException {
    TextCollation known = collations.get(cluster);
    if (known == null) {
      known = TextCollation.of(Dialect.ofUrl(config.cluster(cluster).url()), physical);
      collations.put(cluster, known);
    }
    return known;
  }

  /** Threads for the fetches of one plan that run in parallel, on different clusters. */
  public ExecutorService fetchers() {
    return fetchers;
  }

  /** Where query timeouts of cross-cluster statements fire (one daemon thread; cancelled timers leave at once). */
  public java.util.concurrent.ScheduledExecutorService timers() {
    return timers;
  }

  private static java.util.concurrent.ScheduledThreadPoolExecutor timeoutTimer() {
    var timer = new java.util.concurrent.ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, "xcluster-timeout");
      thread.setDaemon(true);
      return thread;
    });
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }

  private static final class FetcherThreads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "xcluster-fetch-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }

  @Override
  public void close() {
    replicas.close();
    fetchers.shutdownNow();
    timers.shutdownNow();
    export.close();
    pools.close();
    LOG.info("xcluster configuration {} closed", config.source());
  }
}
