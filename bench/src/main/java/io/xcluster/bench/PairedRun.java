package io.xcluster.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * The hand-written decomposition and xcluster in alternation, one query each per round for the same users,
 * which of the two goes first alternating too. On a two-core host the servers' own speed drifts by 10 to 30%
 * between JMH forks, and JMH runs the paths one fork after the other; here the drift hits both paths alike,
 * so a ratio near 1.0 can be read. A supplement to {@link JoinBenchmarks}, whose runs stay the reference.
 *
 * <p>Prints, for each fifth of the rounds, the median wall time and the mean CPU time of the calling thread
 * per query of each path; the first fifths show the JIT still compiling.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.xcluster.bench.PairedRun q4 pg_pg 5000</pre>
 *
 * <p>The data must be loaded ({@code bench/run} loads it, or {@code io.xcluster.bench.LoadData 1.0}).
 */
public final class PairedRun {
  private static final int HAND = 0;
  private static final int XCLUSTER = 1;
  private static final String[] PATHS = {"hand-written", "xcluster"};

  /** One query through one path, for the users starting at {@code first}. */
  @FunctionalInterface
  private interface Path {
    void run(long first, RowSink sink) throws Exception;
  }

  private PairedRun() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: PairedRun q1|q2|q3|q4|keysN pg_pg|pg_mysql ROUNDS (keysN: the key-scaling"
          + " join binding N post ids, e.g. keys10000)");
      System.exit(2);
    }
    String query = args[0].toLowerCase(Locale.ROOT);
    int rounds = Integer.parseInt(args[2]);
    try (BenchClusters clusters = BenchClusters.open(BenchTopology.of(args[1]), 1.0)) {
      HandWritten hand = new HandWritten(clusters);
      UserPicks picks = picksFor(query, clusters.sizes.users());
      Path[] paths = pathsFor(query, clusters, hand);
      run(query + " " + args[1], paths, picks, rounds);
    }
  }

  private static void run(String what, Path[] paths, UserPicks picks, int rounds) throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    DiscardingSink sink = new DiscardingSink();
    long[][] wall = new long[2][rounds];
    long[][] cpu = new long[2][rounds];
    int fifth = Math.max(1, rounds / 5);
    for (int round = 0; round < rounds; round++) {
      long first = picks.next();
      for (int turn = 0; turn < 2; turn++) {
        int path = (round + turn) % 2;
        long cpuBefore = threads.getCurrentThreadCpuTime();
        long wallBefore = System.nanoTime();
        paths[path].run(first, sink);
        wall[path][round] = System.nanoTime() - wallBefore;
        cpu[path][round] = threads.getCurrentThreadCpuTime() - cpuBefore;
      }
      if ((round + 1) % fifth == 0) {
        report(what, round + 1 - fifth, round + 1, wall, cpu);
      }
    }
    System.out.println("(checksum " + sink.checksum() + ")");
  }

  private static void report(String what, int from, int to, long[][] wall, long[][] cpu) {
    double hand = median(wall[HAND], from, to);
    double xcluster = median(wall[XCLUSTER], from, to);
    System.out.printf(Locale.ROOT,
        "%s rounds %d-%d: median %s %.0f us, %s %.0f us, ratio %.3f; mean CPU %.0f us / %.0f us%n",
        what, from + 1, to, PATHS[HAND], hand, PATHS[XCLUSTER], xcluster, xcluster / hand,
        mean(cpu[HAND], from, to), mean(cpu[XCLUSTER], from, to));
  }

  private static UserPicks picksFor(String query, int users) {
    if (query.startsWith("keys")) {
      return new UserPicks(users, 1, 1); // unused: the key-scaling join reads the first N bookmarks
    }
    return switch (query) {
      case "q1", "q2" -> new UserPicks(users, 1, 1);
      case "q3" -> new UserPicks(users, Queries.Q3_USERS, 3);
      case "q4" -> new UserPicks(users, Queries.Q4_USERS, 4);
      default -> throw new IllegalArgumentException("no query " + query + "; one of q1, q2, q3, q4");
    };
  }

  private static Path[] pathsFor(String query, BenchClusters clusters, HandWritten hand) {
    if (query.startsWith("keys")) {
      long keys = Long.parseLong(query.substring("keys".length()));
      return new Path[] {(first, sink) -> hand.bookmarked(keys, sink),
          (first, sink) -> Jdbc.query(clusters.xcluster, Queries.BOOKMARKED, Queries.BOOKMARKED_ROW, sink, keys)};
    }
    return switch (query) {
      case "q1" -> new Path[] {hand::q1,
          (first, sink) -> Queries.q1(clusters.xcluster, sink, first)};
      case "q2" -> new Path[] {hand::q2,
          (first, sink) -> Queries.q2(clusters.xcluster, sink, first)};
      case "q3" -> new Path[] {
          (first, sink) -> hand.q3(first, first + Queries.Q3_USERS - 1, Queries.Q3_PLAN, Queries.Q3_MIN_SCORE, sink),
          (first, sink) -> Queries.q3(clusters.xcluster, sink, first)};
      case "q4" -> new Path[] {(first, sink) -> hand.q4(first, first + Queries.Q4_USERS - 1, sink),
          (first, sink) -> Queries.q4(clusters.xcluster, sink, first)};
      default -> throw new IllegalArgumentException("no query " + query + "; one of q1, q2, q3, q4");
    };
  }

  private static double median(long[] nanos, int from, int to) {
    long[] part = Arrays.copyOfRange(nanos, from, to);
    Arrays.sort(part);
    return part[part.length / 2] / 1e3;
  }

  private static double mean(long[] nanos, int from, int to) {
    double total = 0;
    for (int i = from; i < to; i++) {
      total += nanos[i];
    }
    return total / (to - from) / 1e3;
  }
}
