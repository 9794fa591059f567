package io.xcluster.bench;

import io.xcluster.testing.DbServer;
import io.xcluster.testing.DbServers;
import io.xcluster.testing.Dialect;
import io.xcluster.testing.ServerSource;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where the benchmark's clusters live. The {@code accounts} cluster (users, subscriptions, bookmarks)
 * and the colocated database (every table) are always on PostgreSQL; the {@code content} cluster
 * (posts) is on PostgreSQL or on MySQL/MariaDB. The databases are {@code xc_bench_accounts}, {@code
 * xc_bench_content} and {@code xc_bench_colocated}, shared by both topologies where they coincide.
 *
 * <p>Servers are found as the tests find them ({@link DbServers}), but only from the environment
 * ({@code XC_TEST_PG_URL}...) or the local services: the container and embedded fallbacks are not in
 * {@code benchmarks.jar}, and numbers from them would not mean much anyway.
 */
enum BenchTopology {
  PG_PG,
  PG_MYSQL;

  static final String ACCOUNTS = "xc_bench_accounts";
  static final String CONTENT = "xc_bench_content";
  static final String COLOCATED = "xc_bench_colocated";
  static final List<BenchTable> ACCOUNTS_TABLES =
      List.of(BenchTable.USERS, BenchTable.SUBSCRIPTIONS, BenchTable.BOOKMARKS);
  static final List<BenchTable> CONTENT_TABLES = List.of(BenchTable.POSTS);

  /** The name used in the JMH parameter {@code topology}: {@code pg_pg} or {@code pg_mysql}. */
  String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws IllegalArgumentException for an unknown key
   */
  static BenchTopology of(String key) {
    return Arrays.stream(values())
        .filter(topology -> topology.key().equals(key))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("topology must be pg_pg or pg_mysql, was " + key));
  }

  static DbServer postgres() {
    restrictServerSources();
    return DbServers.postgres();
  }

  DbServer contentServer() {
    restrictServerSources();
    return this == PG_PG ? DbServers.postgres() : DbServers.mysql();
  }

  /** Whether this topology's servers can be found (PostgreSQL, and MySQL/MariaDB for pg_mysql). */
  boolean available() {
    restrictServerSources();
    return DbServers.find(Dialect.POSTGRESQL).isPresent()
        && (this == PG_PG || DbServers.find(Dialect.MYSQL).isPresent());
  }

  /** Loads whatever this topology's databases lack (see {@link BenchLoader}). */
  void ensureLoaded(BenchSizes sizes, long seed) throws SQLException {
    BenchLoader.ensure(postgres(), ACCOUNTS, ACCOUNTS_TABLES, sizes, seed);
    BenchLoader.ensure(contentServer(), CONTENT, CONTENT_TABLES, sizes, seed);
    BenchLoader.ensure(postgres(), COLOCATED, List.of(BenchTable.values()), sizes, seed);
  }

  private static void restrictServerSources() {
    if (System.getProperty(ServerSource.PROPERTY) == null) {
      System.setProperty(ServerSource.PROPERTY, "env,local");
    }
  }
}
