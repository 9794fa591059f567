package io.xcluster.rewriter.parse;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import net.sf.jsqlparser.parser.CCJSqlParser;

/**
 * Stops parses running on their caller's thread once they pass their deadline, by raising JSqlParser's own
 * {@code interrupted} flag: the flag JSqlParser's executor raises when its time limit runs out, and which
 * its loops and look-ahead check. A parse stopped that way may still return something; the caller must ask
 * {@link Watch#expired()} and treat the parse as timed out. One daemon thread sweeps the watched parses every
 * {@value #TICK_MILLIS} ms, so a deadline is enforced within that much (plus the parser's time to its next
 * check); watching and unwatching a parse cost a set insertion and removal, no thread wake-up.
 */
final class ParseWatchdog {
  static final long TICK_MILLIS = 20;

  private static final Set<Watch> WATCHED = ConcurrentHashMap.newKeySet();
  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private ParseWatchdog() {}

  /** Starts watching a parse that must end by {@code deadlineNanos} ({@link System#nanoTime()} scale). */
  static Watch watch(long deadlineNanos) {
    if (!STARTED.get() && STARTED.compareAndSet(false, true)) {
      startSweeper();
    }
    Watch watch = new Watch(deadlineNanos);
    WATCHED.add(watch);
    return watch;
  }

  /** Expires every watch whose deadline is not after {@code nowNanos}. */
  static void sweep(long nowNanos) {
    for (Watch watch : WATCHED) {
      if (nowNanos - watch.deadlineNanos >= 0) {
        watch.expire();
      }
    }
  }

  /** One parse's deadline and the parser currently working on it (JSqlParser may retry with a new one). */
  static final class Watch implements AutoCloseable {
    private final long deadlineNanos;
    private volatile CCJSqlParser parser;
    private volatile boolean expired;

    private Watch(long deadlineNanos) {
      this.deadlineNanos = deadlineNanos;
    }

    /** The parser now working on this parse; raised at once when the deadline has already passed. */
    void parsing(CCJSqlParser current) {
      parser = current;
      if (expired || System.nanoTime() - deadlineNanos >= 0) {
        expire();
      }
    }

    boolean expired() {
      return expired;
    }

    private void expire() {
      expired = true;
      CCJSqlParser current = parser;
      if (current != null) {
        current.interrupted = true;
      }
    }

    @Override
    public void close() {
      WATCHED.remove(this);
    }
  }

  private static void startSweeper() {
    Thread thread = new Thread(ParseWatchdog::sweepForever, "xcluster-parse-watchdog");
    thread.setDaemon(true);
    thread.start();
  }

  private static void sweepForever() {
    while (true) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS));
      sweep(System.nanoTime());
    }
  }
}
