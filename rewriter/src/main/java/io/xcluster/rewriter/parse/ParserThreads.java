package io.xcluster.rewriter.parse;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one pool JSqlParser runs on, shared by the whole JVM. JSqlParser only enforces its time limit by
 * parsing on another thread; its convenience {@code parse(String)} builds a pool per call, which costs more
 * than most parses. Threads are daemons and time out when idle (cached-pool semantics), and the pool never
 * queues: a queued parse would spend its time limit waiting.
 */
final class ParserThreads {
  private static final AtomicInteger COUNT = new AtomicInteger();
  private static final ExecutorService POOL = Executors.newCachedThreadPool(ParserThreads::newThread);

  private ParserThreads() {}

  static ExecutorService pool() {
    return POOL;
  }

  private static Thread newThread(Runnable task) {
    Thread thread = new Thread(task, "xcluster-parser-" + COUNT.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  }
}
