package io.xcluster.bench;

import io.xcluster.testing.DbServer;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.shardingsphere.driver.api.yaml.YamlShardingSphereDataSourceFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The optional baseline of issue #5: Q1 to Q5 through Apache ShardingSphere-JDBC with SQL federation on,
 * over the same two clusters as {@link JoinBenchmarks}, beside the same statements through xcluster in the
 * same run. ShardingSphere sees every table as a single (unsharded) table of its data source and joins
 * across data sources in Calcite.
 *
 * <p>Before measuring, the set-up checks that ShardingSphere returns the colocated join's rows for each
 * query. When it cannot answer (it fails across PostgreSQL and MySQL), the set-up stops that benchmark with
 * a message starting {@code SKIPPED}; JMH reports it and goes on.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class ShardingSphereBenchmark {
  @Param({"pg_pg", "pg_mysql"})
  public String topology;

  @Param({"1.0"})
  public double scale;

  private BenchClusters clusters;
  private DataSource shardingSphere;
  private UserPicks single;
  private UserPicks q3Range;
  private UserPicks q4Range;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    clusters = BenchClusters.open(BenchTopology.of(topology), scale);
    int users = clusters.sizes.users();
    single = new UserPicks(users, 1, 1);
    q3Range = new UserPicks(users, Queries.Q3_USERS, 3);
    q4Range = new UserPicks(users, Queries.Q4_USERS, 4);
    Path config = Files.createTempFile("xcluster-bench-shardingsphere-", ".yaml");
    Files.writeString(config, configYaml(clusters.topology), StandardCharsets.UTF_8);
    try {
      shardingSphere = YamlShardingSphereDataSourceFactory.createDataSource(new File(config.toString()));
      checkSameResults();
    } catch (Exception failed) {
      throw new IllegalStateException("SKIPPED ShardingSphere on " + topology + ": " + failed, failed);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    if (shardingSphere instanceof AutoCloseable closeable) {
      closeable.close();
    }
    clusters.close();
  }

  @Benchmark
  public int q1ShardingSphere(Blackhole blackhole) throws Exception {
    return Queries.q1(shardingSphere, new BlackholeSink(blackhole), single.next());
  }

  @Benchmark
  public int q1Xcluster(Blackhole blackhole) throws Exception {
    return Queries.q1(clusters.xcluster, new BlackholeSink(blackhole), single.next());
  }

  @Benchmark
  public int q2ShardingSphere(Blackhole blackhole) throws Exception {
    return Queries.q2(shardingSphere, new BlackholeSink(blackhole), single.next());
  }

  @Benchmark
  public int q2Xcluster(Blackhole blackhole) throws Exception {
    return Queries.q2(clusters.xcluster, new BlackholeSink(blackhole), single.next());
  }

  @Benchmark
  public int q3ShardingSphere(Blackhole blackhole) throws Exception {
    return Queries.q3(shardingSphere, new BlackholeSink(blackhole), q3Range.next());
  }

  @Benchmark
  public int q3Xcluster(Blackhole blackhole) throws Exception {
    return Queries.q3(clusters.xcluster, new BlackholeSink(blackhole), q3Range.next());
  }

  @Benchmark
  public int q4ShardingSphere(Blackhole blackhole) throws Exception {
    return Queries.q4(shardingSphere, new BlackholeSink(blackhole), q4Range.next());
  }

  @Benchmark
  public int q4Xcluster(Blackhole blackhole) throws Exception {
    return Queries.q4(clusters.xcluster, new BlackholeSink(blackhole), q4Range.next());
  }

  @Benchmark
  public int q5ShardingSphere(Blackhole blackhole) throws Exception {
    return Queries.q5(shardingSphere, new BlackholeSink(blackhole), single.next());
  }

  @Benchmark
  public int q5Xcluster(Blackhole blackhole) throws Exception {
    return Queries.q5(clusters.xcluster, new BlackholeSink(blackhole), single.next());
  }

  private void checkSameResults() throws Exception {
    long user = single.first();
    long q3First = q3Range.first();
    long q4First = q4Range.first();
    compare("Q1", false, sink -> Queries.q1(clusters.colocated, sink, user), sink -> Queries.q1(shardingSphere, sink, user));
    compare("Q2", true, sink -> Queries.q2(clusters.colocated, sink, user), sink -> Queries.q2(shardingSphere, sink, user));
    compare("Q3", true, sink -> Queries.q3(clusters.colocated, sink, q3First), sink -> Queries.q3(shardingSphere, sink, q3First));
    compare("Q4", true, sink -> Queries.q4(clusters.colocated, sink, q4First), sink -> Queries.q4(shardingSphere, sink, q4First));
    compare("Q5", true, sink -> Queries.q5(clusters.accounts, sink, user), sink -> Queries.q5(shardingSphere, sink, user));
  }

  private void compare(String query, boolean ordered, SameResults.Path expected, SameResults.Path actual)
      throws Exception {
    List<String> rows = SameResults.rows(expected);
    SameResults.check(query, "colocated", rows, "shardingSphere", SameResults.rows(actual), ordered);
    System.out.println("xcluster bench: " + query + " (" + topology + ") ShardingSphere returns the colocated "
        + rows.size() + " rows");
  }

  /**
   * Two data sources (HikariCP, as xcluster's), every table of each loaded as a single table, federation on
   * for the statements no single data source can run.
   */
  private static String configYaml(BenchTopology topology) {
    return "databaseName: xcluster_bench\n"
        + "dataSources:\n"
        + dataSource("accounts", BenchTopology.postgres(), BenchTopology.ACCOUNTS)
        + dataSource("content", topology.contentServer(), BenchTopology.CONTENT)
        + "rules:\n"
        + "- !SINGLE\n"
        + "  tables:\n"
        + "    - \"*.*\"\n"
        + "    - \"*.*.*\"\n"
        + "sqlFederation:\n"
        + "  sqlFederationEnabled: true\n"
        + "  allQueryUseSQLFederation: false\n"
        + "  executionPlanCache:\n"
        + "    initialCapacity: 2000\n"
        + "    maximumSize: 65535\n";
  }

  private static String dataSource(String name, DbServer server, String database) {
    return "  " + name + ":\n"
        + "    dataSourceClassName: com.zaxxer.hikari.HikariDataSource\n"
        + "    jdbcUrl: " + quote(server.jdbcUrl(database)) + "\n"
        + "    username: " + quote(server.username()) + "\n"
        + "    password: " + quote(server.password()) + "\n"
        + "    maximumPoolSize: " + BenchClusters.POOL_SIZE + "\n";
  }

  private static String quote(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
