package io.xcluster.bench;

import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
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
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Q1 to Q4 three ways, side by side in one run: {@code colocated} (the join on one PostgreSQL holding
 * every table), {@code handWritten} ({@link HandWritten} over the two clusters) and {@code xcluster}
 * (the colocated SQL through an {@code XClusterDataSource} over the same two clusters). Every
 * invocation borrows a connection, runs one statement for the next user of a fixed pseudo-random
 * sequence and reads every row. Before measuring, the set-up checks that the three paths return the
 * same rows and prints what each xcluster statement cost in physical queries.
 *
 * <p>Each path first runs its statement {@link #warmUp a fixed number of times}. Should xcluster refuse
 * aggregation across clusters, {@link #q4Xcluster} alone fails in its set-up with a message saying so (JMH
 * reports it and goes on).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class JoinBenchmarks {
  private static final int WARM_UP_SHORT = 10_000;
  private static final int WARM_UP_LONG = 2_000;
  /** A share of those counts ({@code bench/run -quick} runs a fifth of them). */
  private static final double WARM_UP_SHARE = Double.parseDouble(System.getProperty("xcluster.bench.warmUp", "1"));

  @Param({"pg_pg", "pg_mysql"})
  public String topology;

  /** 1.0 is the 10,000 users, 50,000 subscriptions and 500,000 posts; see {@link BenchSizes}. */
  @Param({"1.0"})
  public double scale;

  BenchClusters clusters;
  HandWritten hand;
  private UserPicks single;
  private UserPicks q3Range;
  private UserPicks q4Range;

  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) throws Exception {
    clusters = BenchClusters.open(BenchTopology.of(topology), scale);
    hand = new HandWritten(clusters);
    int users = clusters.sizes.users();
    single = new UserPicks(users, 1, 1);
    q3Range = new UserPicks(users, Queries.Q3_USERS, 3);
    q4Range = new UserPicks(users, Queries.Q4_USERS, 4);
    checkSameResults();
    String benchmark = params.getBenchmark();
    String path = benchmark.substring(benchmark.lastIndexOf('.') + 1);
    if (!path.equals("q4Xcluster")) { // warmed up by CrossClusterAggregation, once it knows xcluster answers Q4
      warmUp(path);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    clusters.close();
  }

  @Benchmark
  public int q1Colocated(Blackhole blackhole) throws Exception {
    return run("q1Colocated", new BlackholeSink(blackhole));
  }

  @Benchmark
  public int q1HandWritten(Blackhole blackhole) throws Exception {
    return run("q1HandWritten", new BlackholeSink(blackhole));
  }

  @Benchmark
  public int q1Xcluster(Blackhole blackhole) throws Exception {
    return run("q1Xcluster", new BlackholeSink(blackhole));
  }

  @Benchmark
  public int q2Colocated(Blackhole blackhole) throws Exception {
    return run("q2Colocated", new BlackholeSink(blackhole));
  }

  @Benchmark
  public int q2HandWritten(Blackhole blackhole) throws Exception {
    return run("q2HandWritten", new BlackholeSink(blackhole));
  }

  @Benchmark
  public int q2Xcluster(Blackhole blackhole) throws Exception {
    return run("q2Xcluster", new BlackholeSink(blackhole));
  }

  @Benchmark
  public int q3Colocated(Blackhole blackhole) throws Exception {
    return run("q3Colocated", new BlackholeSink(blackhole));
  }

  @Benchmark
  public int q3HandWritten(Blackhole blackhole) throws Exception {
    return run("q3HandWritten", new BlackholeSink(blackhole));
  }

  @Benchmark
  public int q3Xcluster(Blackhole blackhole) throws Exception {
    return run("q3Xcluster", new BlackholeSink(blackhole));
  }

  @Benchmark
  public int q4Colocated(Blackhole blackhole) throws Exception {
    return run("q4Colocated", new BlackholeSink(blackhole));
  }

  @Benchmark
  public int q4HandWritten(Blackhole blackhole) throws Exception {
    return run("q4HandWritten", new BlackholeSink(blackhole));
  }

  @Benchmark
  public int q4Xcluster(CrossClusterAggregation supported, Blackhole blackhole) throws Exception {
    return run("q4Xcluster", new BlackholeSink(blackhole));
  }

  /**
   * Runs each path's statement before JMH's own warm-up, a number of times rather than for a time: the code a
   * statement runs once (planning lookups, the executor, the drivers' statement set-up) is compiled after a
   * count of statements, and a Q3 or Q4 runs only 100 to 250 a second. Measured without it, xcluster's Q1 was
   * still being compiled (PairedRun: 1.18x hand-written over its first 6,000 statements, 1.05x after 12,000).
   * Every path gets the same count.
   */
  void warmUp(String path) throws Exception {
    int statements = (int) (WARM_UP_SHARE
        * (path.startsWith("q1") || path.startsWith("q2") ? WARM_UP_SHORT : WARM_UP_LONG));
    RowSink discard = new DiscardingSink();
    for (int i = 0; i < statements; i++) {
      run(path, discard);
    }
  }

  /** One statement of a path (the benchmark method's name); its rows go to {@code sink}. */
  private int run(String path, RowSink sink) throws Exception {
    switch (path) {
      case "q1Colocated" -> {
        return Queries.q1(clusters.colocated, sink, single.next());
      }
      case "q1HandWritten" -> hand.q1(single.next(), sink);
      case "q1Xcluster" -> {
        return Queries.q1(clusters.xcluster, sink, single.next());
      }
      case "q2Colocated" -> {
        return Queries.q2(clusters.colocated, sink, single.next());
      }
      case "q2HandWritten" -> hand.q2(single.next(), sink);
      case "q2Xcluster" -> {
        return Queries.q2(clusters.xcluster, sink, single.next());
      }
      case "q3Colocated" -> {
        return Queries.q3(clusters.colocated, sink, q3Range.next());
      }
      case "q3HandWritten" -> {
        long first = q3Range.next();
        hand.q3(first, first + Queries.Q3_USERS - 1, Queries.Q3_PLAN, Queries.Q3_MIN_SCORE, sink);
      }
      case "q3Xcluster" -> {
        return Queries.q3(clusters.xcluster, sink, q3Range.next());
      }
      case "q4Colocated" -> {
        return Queries.q4(clusters.colocated, sink, q4Range.next());
      }
      case "q4HandWritten" -> {
        long first = q4Range.next();
        hand.q4(first, first + Queries.Q4_USERS - 1, sink);
      }
      case "q4Xcluster" -> {
        return Queries.q4(clusters.xcluster, sink, q4Range.next());
      }
      default -> throw new IllegalArgumentException("no benchmark path " + path);
    }
    return 0;
  }

  /**
   * Guards {@link #q4Xcluster}: its set-up runs Q4 through xcluster once and, when xcluster refuses
   * aggregation across clusters (0A000), stops that benchmark alone with a message saying so.
   */
  @State(Scope.Benchmark)
  public static class CrossClusterAggregation {
    @Setup(Level.Trial)
    public void probe(JoinBenchmarks bench) throws Exception {
      long first = bench.q4Range.first();
      try {
        List<String> xcluster = SameResults.rows(sink -> Queries.q4(bench.clusters.xcluster, sink, first));
        List<String> colocated = SameResults.rows(sink -> Queries.q4(bench.clusters.colocated, sink, first));
        SameResults.check("Q4", "colocated", colocated, "xcluster", xcluster, true);
        System.out.println("xcluster bench: Q4 (" + bench.topology + ") xcluster ran "
            + PhysicalQueries.of(bench.clusters.xcluster, sink -> Queries.q4(bench.clusters.xcluster, sink, first))
            + " physical queries");
        bench.warmUp("q4Xcluster");
      } catch (SQLFeatureNotSupportedException refused) {
        throw new IllegalStateException("SKIPPED q4Xcluster: xcluster does not aggregate across clusters"
            + " yet (SQLState " + refused.getSQLState() + ": " + refused.getMessage() + ")", refused);
      }
    }
  }

  private void checkSameResults() throws Exception {
    long user = single.first();
    compare("Q1", false, sink -> Queries.q1(clusters.colocated, sink, user),
        sink -> hand.q1(user, sink),
        sink -> Queries.q1(clusters.xcluster, sink, user));
    compare("Q2", true, sink -> Queries.q2(clusters.colocated, sink, user),
        sink -> hand.q2(user, sink),
        sink -> Queries.q2(clusters.xcluster, sink, user));
    long first = q3Range.first();
    long last = first + Queries.Q3_USERS - 1;
    compare("Q3", true, sink -> Queries.q3(clusters.colocated, sink, first),
        sink -> hand.q3(first, last, Queries.Q3_PLAN, Queries.Q3_MIN_SCORE, sink),
        sink -> Queries.q3(clusters.xcluster, sink, first));
    long q4First = q4Range.first();
    List<String> colocated = SameResults.rows(sink -> Queries.q4(clusters.colocated, sink, q4First));
    List<String> byHand = SameResults.rows(sink -> hand.q4(q4First, q4First + Queries.Q4_USERS - 1, sink));
    SameResults.check("Q4", "colocated", colocated, "handWritten", byHand, true);
  }

  private void compare(String query, boolean ordered, SameResults.Path colocatedPath,
      SameResults.Path handPath, SameResults.Path xclusterPath) throws Exception {
    List<String> colocated = SameResults.rows(colocatedPath);
    SameResults.check(query, "colocated", colocated, "handWritten", SameResults.rows(handPath), ordered);
    SameResults.check(query, "colocated", colocated, "xcluster", SameResults.rows(xclusterPath), ordered);
    System.out.println("xcluster bench: " + query + " (" + topology + ") returns " + colocated.size()
        + " rows on every path; xcluster ran " + PhysicalQueries.of(clusters.xcluster, xclusterPath)
        + " physical queries");
  }
}
