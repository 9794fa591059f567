package io.xcluster.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * How much heap a cross-cluster result holds while the application reads it, as the result grows: the
 * posts of every {@code pro} subscription (a third of them, a fixed set of keys) below a score, so that
 * {@code scoreBelow} alone sets the rows (1,670, 16,700 and 167,000 at scale 1.0) while the first cluster's
 * rows stay the same. Each operation collects garbage, notes the live heap, runs the query, and halfway
 * through its rows collects again and notes how much more is live: {@link Held#heldBytes}, the largest of
 * an iteration (JMH reports it as an event count per iteration, which here is that maximum).
 *
 * <p>Paths: {@code colocated} (the join on one database; its driver holds the whole result unless a fetch
 * size and a transaction say otherwise), {@code handWritten} (the subscription ids, then their posts with
 * one {@code = ANY(?)} array on PostgreSQL or 1,000-key IN lists on MySQL, streamed from the driver's
 * result), {@code xclusterStreamed} (the same SQL through xcluster, which streams the last cluster's rows
 * in key batches) and {@code xclusterSorted} (with {@code ORDER BY p.id}, which xcluster builds in memory).
 * Streaming keeps memory flat when {@code xclusterStreamed}'s bytes stay put as the rows grow tenfold. The
 * times are not the point here: each operation includes two full collections.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class StreamingMemoryBenchmark {
  static final String PLAN_POSTS =
      "SELECT s.plan, p.id, p.title, p.score FROM subscriptions s JOIN posts p ON p.subscription_id = s.id"
          + " WHERE s.plan = ? AND p.score < ?";
  static final String PLAN_POSTS_SORTED = PLAN_POSTS + " ORDER BY p.id";
  static final ColumnKind[] ROW = {ColumnKind.TEXT, ColumnKind.LONG, ColumnKind.TEXT, ColumnKind.INT};
  private static final String PLAN = "pro";

  @Param({"pg_pg", "pg_mysql"})
  public String topology;

  @Param({"1.0"})
  public double scale;

  /** Post scores are 0..999, uniform: each tenfold step of this takes ten times the rows. */
  @Param({"10", "100", "1000"})
  public int scoreBelow;

  /**
   * 0: the application reads in autocommit with the drivers' default fetch size, and pgjdbc and MySQL's
   * driver hold a query's whole result; 1000: in a transaction with {@code setFetchSize(1000)}, as JDBC
   * applications stream a large result, and pgjdbc reads through a cursor (MySQL's driver still holds the
   * whole result without {@code useCursorFetch}).
   */
  @Param({"0", "1000"})
  public int fetchSize;

  private BenchClusters clusters;
  private HandWritten hand;
  private int rows;

  /** The heap a result held halfway through its rows, beyond what was live before it ran. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Held {
    public long heldBytes;
    public long rows;

    @Setup(Level.Iteration)
    public void reset() {
      heldBytes = 0;
    }
  }

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    clusters = BenchClusters.open(BenchTopology.of(topology), scale);
    hand = new HandWritten(clusters);
    List<String> colocated = SameResults.rows(sink -> read(clusters.colocated, PLAN_POSTS, sink));
    SameResults.check("planPosts", "colocated", colocated, "handWritten",
        SameResults.rows(sink -> hand.planPosts(PLAN, scoreBelow, fetchSize, sink)), false);
    SameResults.check("planPosts", "colocated", colocated, "xclusterStreamed",
        SameResults.rows(sink -> read(clusters.xcluster, PLAN_POSTS, sink)), false);
    SameResults.check("planPosts", "colocated", colocated, "xclusterSorted",
        SameResults.rows(sink -> read(clusters.xcluster, PLAN_POSTS_SORTED, sink)), false);
    rows = colocated.size();
    System.out.println("xcluster bench: planPosts below score " + scoreBelow + " (" + topology + "): " + rows
        + " rows");
  }

  /** Runs {@code sql} for the plan and score as the application reads it with {@link #fetchSize}. */
  private void read(DataSource source, String sql, RowSink sink) throws SQLException {
    try (Connection connection = source.getConnection()) {
      connection.setAutoCommit(fetchSize == 0);
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        statement.setFetchSize(fetchSize);
        Jdbc.bind(statement, 1, PLAN, scoreBelow);
        try (ResultSet rows = statement.executeQuery()) {
          Jdbc.read(rows, ROW, sink);
        }
      }
      if (fetchSize != 0) {
        connection.commit();
        connection.setAutoCommit(true);
      }
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    clusters.close();
  }

  @Benchmark
  public void colocated(Held held, Blackhole blackhole) throws Exception {
    measure(held, blackhole, sink -> read(clusters.colocated, PLAN_POSTS, sink));
  }

  @Benchmark
  public void handWritten(Held held, Blackhole blackhole) throws Exception {
    measure(held, blackhole, sink -> hand.planPosts(PLAN, scoreBelow, fetchSize, sink));
  }

  @Benchmark
  public void xclusterStreamed(Held held, Blackhole blackhole) throws Exception {
    measure(held, blackhole, sink -> read(clusters.xcluster, PLAN_POSTS, sink));
  }

  @Benchmark
  public void xclusterSorted(Held held, Blackhole blackhole) throws Exception {
    measure(held, blackhole, sink -> read(clusters.xcluster, PLAN_POSTS_SORTED, sink));
  }

  /** One path's rows through a {@link HalfwayHeap}, which reports what the path held at the middle row. */
  private void measure(Held held, Blackhole blackhole, SameResults.Path path) throws Exception {
    HalfwayHeap sink = new HalfwayHeap(blackhole, rows);
    path.run(sink);
    sink.report(held);
  }

  /**
   * Consumes rows as {@link BlackholeSink} does and, at the middle row, measures the live heap against the
   * live heap when it was made (just before the query ran): what the path holds while the application reads.
   */
  static final class HalfwayHeap implements RowSink {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private final BlackholeSink consumer;
    private final long before;
    private final int middle;
    private int read;
    private long held;

    HalfwayHeap(Blackhole blackhole, int rows) {
      this.consumer = new BlackholeSink(blackhole);
      this.middle = rows / 2;
      this.before = liveHeap();
    }

    /** Collects garbage and answers the heap still in use. */
    private static long liveHeap() {
      System.gc();
      return MEMORY.getHeapMemoryUsage().getUsed();
    }

    @Override
    public void longValue(long value) {
      consumer.longValue(value);
    }

    @Override
    public void intValue(int value) {
      consumer.intValue(value);
    }

    @Override
    public void text(String value) {
      consumer.text(value);
    }

    @Override
    public void timestamp(java.sql.Timestamp value) {
      consumer.timestamp(value);
    }

    @Override
    public void endRow() {
      if (read++ == middle) {
        held = liveHeap() - before;
      }
    }

    void report(Held counters) {
      if (read <= middle) {
        throw new IllegalStateException("planPosts returned " + read + " rows; the set-up counted more");
      }
      counters.heldBytes = Math.max(counters.heldBytes, held);
      counters.rows = read;
    }
  }
}
