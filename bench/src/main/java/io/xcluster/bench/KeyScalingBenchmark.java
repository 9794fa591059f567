package io.xcluster.bench;

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
import org.openjdk.jmh.infra.Blackhole;

/**
 * How a cross-cluster join's cost grows with the number of keys it binds: the first {@code keys}
 * bookmarks (accounts) joined to their posts (content), exactly {@code keys} distinct post ids bound
 * and as many rows returned. xcluster binds {@code IN} lists of {@code bindBatchSize} (1,000) keys,
 * running further batches on free pooled connections; the hand-written baseline binds one array on
 * PostgreSQL and 1,000-key {@code IN} lists in sequence on MySQL. Linear growth means time per key
 * stays flat from 1,000 keys on. 100,000 keys need scale 1.0 (bench/run without -quick).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class KeyScalingBenchmark {
  @Param({"pg_pg", "pg_mysql"})
  public String topology;

  @Param({"1.0"})
  public double scale;

  @Param({"10", "100", "1000", "10000", "100000"})
  public int keys;

  private BenchClusters clusters;
  private HandWritten hand;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    int bookmarks = BenchSizes.of(scale).bookmarks();
    if (keys > bookmarks) {
      throw new IllegalStateException("SKIPPED: " + keys + " keys need as many bookmarks; scale " + scale
          + " has " + bookmarks + ". Run at scale " + (keys / 100_000.0) + " or more");
    }
    clusters = BenchClusters.open(BenchTopology.of(topology), scale);
    hand = new HandWritten(clusters);
    long last = keys;
    List<String> xcluster = SameResults.rows(sink -> xcluster(sink, last));
    SameResults.check("bookmarked", "handWritten", SameResults.rows(sink -> hand.bookmarked(last, sink)),
        "xcluster", xcluster, false);
    if (xcluster.size() != keys) {
      throw new IllegalStateException("bookmarked: expected " + keys + " rows, got " + xcluster.size());
    }
    System.out.println("xcluster bench: " + keys + " keys (" + topology + "): xcluster ran "
        + PhysicalQueries.of(clusters.xcluster, sink -> xcluster(sink, last)) + " physical queries");
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    clusters.close();
  }

  @Benchmark
  public void handWritten(Blackhole blackhole) throws Exception {
    hand.bookmarked(keys, new BlackholeSink(blackhole));
  }

  @Benchmark
  public int xcluster(Blackhole blackhole) throws Exception {
    return xcluster(new BlackholeSink(blackhole), keys);
  }

  private int xcluster(RowSink sink, long last) throws Exception {
    return Jdbc.query(clusters.xcluster, Queries.BOOKMARKED, Queries.BOOKMARKED_ROW, sink, last);
  }
}
