package io.xcluster.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.xcluster.driver.XClusterDataSource;
import io.xcluster.testing.DbServer;
import io.xcluster.testing.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * Every way the benchmarks reach the data of one topology, loaded and ready: a HikariCP pool per
 * cluster for the hand-written decomposition and plain pgjdbc, one on the colocated database, and an
 * {@link XClusterDataSource} over the same two clusters. All pools have the same size and HikariCP's
 * defaults, as xcluster's own pools have, so the four paths differ only in what they do per query.
 */
final class BenchClusters implements AutoCloseable {
  static final long SEED = 20_240_101L;
  static final int POOL_SIZE = 4;
  /** A system property: xcluster options for the URL ({@code bindBatchSize=10000}), to measure a setting. */
  static final String OPTIONS = "xcluster.bench.options";
  /**
   * A system property: connection parameters added to the content cluster's URL on every path that reaches it
   * ({@code useCursorFetch=true}), to measure a driver setting.
   */
  static final String CONTENT_URL_PARAMETERS = "xcluster.bench.contentUrlParameters";

  final BenchTopology topology;
  final BenchSizes sizes;
  final Dialect contentDialect;
  final HikariDataSource accounts;
  final HikariDataSource content;
  final HikariDataSource colocated;
  final XClusterDataSource xcluster;
  private final Path configFile;

  private BenchClusters(BenchTopology topology, BenchSizes sizes, Path configFile) {
    DbServer postgres = BenchTopology.postgres();
    DbServer contentServer = topology.contentServer();
    this.topology = topology;
    this.sizes = sizes;
    this.contentDialect = contentServer.dialect();
    this.configFile = configFile;
    this.accounts = pool("accounts", postgres.jdbcUrl(BenchTopology.ACCOUNTS), postgres);
    this.content = pool("content", contentUrl(contentServer), contentServer);
    this.colocated = pool("colocated", postgres.jdbcUrl(BenchTopology.COLOCATED), postgres);
    String options = System.getProperty(OPTIONS, "");
    this.xcluster = new XClusterDataSource("jdbc:xcluster:" + configFile + (options.isEmpty() ? "" : "?" + options));
  }

  /** Loads what is missing (see {@link BenchLoader}), then opens every pool. */
  static BenchClusters open(BenchTopology topology, double scale) throws SQLException, IOException {
    BenchSizes sizes = BenchSizes.of(scale);
    topology.ensureLoaded(sizes, SEED);
    Path config = Files.createTempFile("xcluster-bench-" + topology.key() + "-", ".yaml");
    Files.writeString(config, configYaml(topology), StandardCharsets.UTF_8);
    return new BenchClusters(topology, sizes, config);
  }

  private static String configYaml(BenchTopology topology) {
    DbServer postgres = BenchTopology.postgres();
    return "clusters:\n"
        + cluster("accounts", postgres, postgres.jdbcUrl(BenchTopology.ACCOUNTS), "users, subscriptions, bookmarks")
        + cluster("content", topology.contentServer(), contentUrl(topology.contentServer()), "posts")
        + "defaultCluster: accounts\n";
  }

  /** The content database's URL, with {@link #CONTENT_URL_PARAMETERS} when set. */
  private static String contentUrl(DbServer server) {
    String url = server.jdbcUrl(BenchTopology.CONTENT);
    String parameters = System.getProperty(CONTENT_URL_PARAMETERS, "");
    return parameters.isEmpty() ? url : url + (url.contains("?") ? "&" : "?") + parameters;
  }

  private static String cluster(String name, DbServer server, String url, String tables) {
    return "  " + name + ":\n"
        + "    url: " + quote(url) + "\n"
        + "    username: " + quote(server.username()) + "\n"
        + "    password: " + quote(server.password()) + "\n"
        + "    pool: { maximumPoolSize: " + POOL_SIZE + " }\n"
        + "    tables: [" + tables + "]\n";
  }

  /** A YAML double-quoted scalar; URLs hold {@code :}, {@code ?} and {@code &}. */
  private static String quote(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static HikariDataSource pool(String name, String url, DbServer server) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("bench-" + name);
    config.setJdbcUrl(url);
    config.setUsername(server.username());
    config.setPassword(server.password());
    config.setMaximumPoolSize(POOL_SIZE);
    return new HikariDataSource(config);
  }

  @Override
  public void close() throws IOException {
    xcluster.close();
    accounts.close();
    content.close();
    colocated.close();
    Files.deleteIfExists(configFile);
  }
}
