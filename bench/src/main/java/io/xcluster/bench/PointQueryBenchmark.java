package io.xcluster.bench;

import java.util.concurrent.TimeUnit;
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
 * Q5, the single-cluster point query: plain pgjdbc behind HikariCP against the same statement through
 * xcluster, which routes it (a cached plan lookup) and passes it through to the accounts cluster's own
 * pool unchanged. The accounts cluster is PostgreSQL in every topology, so there is one topology here.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PointQueryBenchmark {
  @Param({"1.0"})
  public double scale;

  private BenchClusters clusters;
  private UserPicks users;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    clusters = BenchClusters.open(BenchTopology.PG_PG, scale);
    users = new UserPicks(clusters.sizes.users(), 1, 5);
    long user = users.first();
    SameResults.check("Q5", "plainHikari",
        SameResults.rows(sink -> Queries.q5(clusters.accounts, sink, user)),
        "xcluster",
        SameResults.rows(sink -> Queries.q5(clusters.xcluster, sink, user)),
        true);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    clusters.close();
  }

  @Benchmark
  public int q5PlainHikari(Blackhole blackhole) throws Exception {
    return Queries.q5(clusters.accounts, new BlackholeSink(blackhole), users.next());
  }

  @Benchmark
  public int q5Xcluster(Blackhole blackhole) throws Exception {
    return Queries.q5(clusters.xcluster, new BlackholeSink(blackhole), users.next());
  }
}
