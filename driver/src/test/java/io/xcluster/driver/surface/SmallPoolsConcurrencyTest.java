package io.xcluster.driver.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.xcluster.driver.XClusterDataSource;
import io.xcluster.driver.surface.SurfaceClusters.Comment;
import io.xcluster.driver.surface.SurfaceClusters.Post;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One or two physical connections per cluster pool, four application threads each with its own xcluster Connection,
 * mixing single-cluster and cross-cluster statements: everything completes, with the right rows, in bounded
 * time, and every connection goes back to its pool.
 */
class SmallPoolsConcurrencyTest {
  /** The load test's size, fixed so that it fits a 2-core CI machine. */
  private static final int LOAD_THREADS = 6;
  private static final long LOAD_SECONDS = 5;
  private static final int THREADS = 4;
  private static final int STATEMENTS_PER_THREAD = 25;
  private static final int PARALLEL_FETCH_STATEMENTS_PER_THREAD = 10;
  private static final long BOUND_SECONDS = 60;
  private static final String WORKER_PREFIX = "surface-worker-";

  private static final String ACCOUNTS_ONLY = "SELECT plan FROM subscriptions WHERE id = ?";
  private static final String CONTENT_ONLY = "SELECT title FROM posts WHERE id = ?";
  private static final String CROSS_ORDERED =
      "SELECT p.title FROM posts p JOIN subscriptions s ON s.id = p.subscription_id WHERE s.user_id = ?"
          + " ORDER BY p.id";
  private static final String CROSS_STREAMED =
      "SELECT p.title FROM posts p JOIN subscriptions s ON s.id = p.subscription_id WHERE p.id BETWEEN ? AND ?";
  /** Outer joins keep one query per table: posts first, then subscriptions and comments, both keyed by posts. */
  private static final String CROSS_THREE_FETCHES =
      "SELECT p.id, s.plan, c.body FROM posts p LEFT JOIN subscriptions s ON s.id = p.subscription_id"
          + " LEFT JOIN comments c ON c.post_id = p.id WHERE p.id <= ? ORDER BY p.id";

  private SurfaceClusters clusters;
  private XClusterDataSource dataSource;
  private Map<Integer, Comment> commentByPost;

  private void open(int poolSize) {
    clusters = SurfaceClusters.shared();
    dataSource = clusters.dataSource("{ maximumPoolSize: " + poolSize + ", connectionTimeout: 5000 }");
    commentByPost = clusters.comments.stream().collect(Collectors.toMap(Comment::postId, Function.identity()));
  }

  @AfterEach
  void stop() {
    if (dataSource != null) {
      dataSource.close();
    }
  }

  @ParameterizedTest(name = "pool size {0}")
  @ValueSource(ints = {1, 2})
  void fourThreadsShareSmallPoolsWithoutDeadlockOrTimeout(int poolSize) throws Exception {
    open(poolSize);
    runConcurrently(STATEMENTS_PER_THREAD, (thread, i) -> Kind.values()[(thread + i) % Kind.values().length]);
  }

  /**
   * A bounded load test: {@value #LOAD_THREADS} threads run the mixed statements for {@value #LOAD_SECONDS}
   * seconds on pools of two; it reports statements run, errors and connections left out of the pools, and
   * demands none of either.
   */
  @Test
  void boundedLoadRunsWithoutErrorsOrLeakedConnections() throws Exception {
    open(2);
    AtomicInteger run = new AtomicInteger();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(LOAD_SECONDS);
    ExecutorService threads = Executors.newFixedThreadPool(LOAD_THREADS);
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < LOAD_THREADS; t++) {
      int thread = t;
      workers.add(threads.submit(() -> {
        try (Connection connection = dataSource.getConnection()) {
          for (int i = 0; System.nanoTime() < until; i++) {
            Kind kind = Kind.values()[(thread + i) % Kind.values().length];
            try {
              // the values the other tests use (1..100), whose expected rows the fixture knows
              runOne(connection, kind, (thread * STATEMENTS_PER_THREAD + i) % (THREADS * STATEMENTS_PER_THREAD) + 1);
              run.incrementAndGet();
            } catch (SQLException | RuntimeException | AssertionError failure) {
              failures.add(kind + ": " + failure);
            }
          }
        } catch (SQLException failure) {
          failures.add("connection: " + failure);
        }
      }));
    }
    try {
      for (Future<?> worker : workers) {
        worker.get(LOAD_SECONDS + BOUND_SECONDS, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }
    int leaked = dataSource.activeConnections("accounts") + dataSource.activeConnections("content");
    System.out.printf("load: %d threads x %d s, pools of 2: %d statements, %d errors, %d connections leaked%n",
        LOAD_THREADS, LOAD_SECONDS, run.get(), failures.size(), leaked);
    assertTrue(run.get() > LOAD_THREADS, "statements ran: " + run.get());
    assertEquals(List.of(), List.copyOf(failures).subList(0, Math.min(5, failures.size())), "no errors");
    assertEquals(0, leaked, "every connection back in its pool");
  }

  /**
   * The plan whose fetches of subscriptions (accounts) and comments (content) run in parallel, on the
   * application's thread and a fetcher thread of the same xcluster Connection, each borrowing one cluster's
   * only connection: no thread may wait for one pool while keeping another thread from giving a connection back.
   */
  @ParameterizedTest(name = "pool size {0}")
  @ValueSource(ints = {1, 2})
  void parallelFetchesOfFourThreadsShareSmallPoolsWithoutTimeout(int poolSize) throws Exception {
    open(poolSize);
    runConcurrently(PARALLEL_FETCH_STATEMENTS_PER_THREAD, (thread, i) -> Kind.PARALLEL_FETCHES);
  }

  /** The statements a thread runs; see {@link #runOne}. */
  private enum Kind { ACCOUNTS_ONLY, CONTENT_ONLY, CROSS_ORDERED, CROSS_STREAMED, HALF_READ, PARALLEL_FETCHES }

  /** Which kind of statement a thread runs as its i-th. */
  @FunctionalInterface
  private interface Mix {
    Kind kind(int thread, int i);
  }

  private void runConcurrently(int statementsPerThread, Mix mix) throws Exception {
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    CountDownLatch ready = new CountDownLatch(THREADS);
    AtomicInteger names = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(THREADS,
        task -> new Thread(task, WORKER_PREFIX + names.incrementAndGet()));
    List<Future<?>> workers = new ArrayList<>();
    try {
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        workers.add(threads.submit(() -> work(thread, statementsPerThread, mix, ready, failures)));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_SECONDS);
      for (Future<?> worker : workers) {
        try {
          worker.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException stuck) {
          fail("the statements did not finish within " + BOUND_SECONDS + " s; " + failures.size()
              + " failed so far:\n" + String.join("\n", failures) + "\n" + threadDump());
        }
      }
    } finally {
      threads.shutdownNow();
    }
    if (!failures.isEmpty()) {
      fail(failures.size() + " of " + THREADS * statementsPerThread + " statements failed:\n"
          + String.join("\n", failures));
    }
    assertEquals(0, dataSource.activeConnections("accounts"), "accounts' connection returned");
    assertEquals(0, dataSource.activeConnections("content"), "content's connection returned");
  }

  private void work(int thread, int statements, Mix mix, CountDownLatch ready,
      ConcurrentLinkedQueue<String> failures) {
    try (Connection connection = dataSource.getConnection()) {
      ready.countDown();
      ready.await();
      for (int i = 0; i < statements; i++) {
        Kind kind = mix.kind(thread, i);
        int value = thread * statements + i + 1;
        long started = System.nanoTime();
        try {
          runOne(connection, kind, value);
        } catch (SQLException | RuntimeException | AssertionError failure) {
          failures.add("thread " + thread + " statement " + i + " (" + kind + ", value " + value + ") failed after "
              + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms: " + failure);
        }
      }
    } catch (SQLException | InterruptedException failure) {
      failures.add("thread " + thread + ": " + failure);
    }
  }

  private void runOne(Connection connection, Kind kind, int value) throws SQLException {
    switch (kind) {
      case ACCOUNTS_ONLY -> assertEquals(List.of(clusters.subscriptionById.get((long) value).plan()),
          query(connection, ACCOUNTS_ONLY, value), ACCOUNTS_ONLY);
      case CONTENT_ONLY -> assertEquals(List.of("post-" + value), query(connection, CONTENT_ONLY, value), CONTENT_ONLY);
      case CROSS_ORDERED -> {
        long user = value % SurfaceClusters.USERS + 1;
        assertEquals(clusters.titlesWhere(p -> true, s -> s.userId() == user),
            query(connection, CROSS_ORDERED, user), CROSS_ORDERED);
      }
      case CROSS_STREAMED -> {
        int from = value * 37;
        int to = from + 300;
        assertEquals(Rows.sorted(clusters.titlesWhere(p -> p.id() >= from && p.id() <= to, s -> true)),
            Rows.sorted(query(connection, CROSS_STREAMED, from, to)), CROSS_STREAMED);
      }
      case HALF_READ -> halfReadStreamed(connection, value);
      case PARALLEL_FETCHES -> {
        int last = value * 10;
        assertEquals(expectedThreeFetches(last), query(connection, CROSS_THREE_FETCHES, last), CROSS_THREE_FETCHES);
      }
    }
  }

  /** A large streamed result read one row, then closed. */
  private static void halfReadStreamed(Connection connection, int value) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(CROSS_STREAMED)) {
      statement.setInt(1, 1);
      statement.setInt(2, SurfaceClusters.POSTS);
      try (ResultSet results = statement.executeQuery()) {
        if (!results.next() || results.getString(1) == null) {
          throw new AssertionError("no first row for value " + value);
        }
      }
    }
  }

  private List<String> expectedThreeFetches(int last) {
    List<String> rows = new ArrayList<>();
    for (Post post : clusters.posts) {
      if (post.id() <= last) {
        Comment comment = commentByPost.get(post.id());
        rows.add(post.id() + "|" + clusters.subscriptionById.get((long) post.subscriptionId()).plan() + "|"
            + (comment == null ? null : comment.body()));
      }
    }
    return rows;
  }

  private static List<String> query(Connection connection, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet results = statement.executeQuery()) {
        return Rows.lines(results);
      }
    }
  }

  /** The stacks of the workers and of xcluster's fetcher threads, with the locks they wait for. */
  private static String threadDump() {
    return Arrays.stream(ManagementFactory.getThreadMXBean().dumpAllThreads(true, true))
        .filter(info -> info.getThreadName().startsWith(WORKER_PREFIX)
            || info.getThreadName().startsWith("xcluster-fetch"))
        .map(SmallPoolsConcurrencyTest::describe)
        .collect(Collectors.joining("\n"));
  }

  private static String describe(ThreadInfo info) {
    StringBuilder text = new StringBuilder("\"" + info.getThreadName() + "\" " + info.getThreadState());
    if (info.getLockName() != null) {
      text.append(" on ").append(info.getLockName());
    }
    if (info.getLockOwnerName() != null) {
      text.append(" owned by \"").append(info.getLockOwnerName()).append('"');
    }
    for (StackTraceElement frame : info.getStackTrace()) {
      text.append("\n    at ").append(frame);
    }
    return text.toString();
  }
}
