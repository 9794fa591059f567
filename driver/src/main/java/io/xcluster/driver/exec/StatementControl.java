package io.xcluster.driver.exec;

import io.xcluster.driver.jdbc.SqlExceptions;
import io.xcluster.error.SqlState;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The deadline and cancellation of one logical statement's execution. Every physical statement its steps run
 * registers here while it executes, on whatever cluster and thread, so that three things stop all of them at
 * once: {@code Statement.cancel()} from another thread, the statement's query timeout (which bounds the whole
 * execution, every step and batch together, not each physical query), and the failure of a step whose
 * siblings are still running. Once stopped, no further physical query starts.
 *
 * <p>A physical statement that registers is also given the time left, rounded up to whole seconds, as its
 * own query timeout: a backstop should a cancel reach it before its query started.
 */
public final class StatementControl {
  /** Why the execution stopped. */
  private enum Stop { CANCELED, TIMED_OUT, STEP_FAILED }

  private final int timeoutSeconds;
  private final long deadlineNanos;
  private final Set<Statement> running = ConcurrentHashMap.newKeySet();
  private final ScheduledFuture<?> timer;
  private volatile Stop stopped;

  private StatementControl(int timeoutSeconds, ScheduledExecutorService timers) {
    this.timeoutSeconds = timeoutSeconds;
    this.deadlineNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    this.timer = timeoutSeconds > 0 ? timers.schedule(() -> stop(Stop.TIMED_OUT), timeoutSeconds, TimeUnit.SECONDS)
        : null;
  }

  /** Starts the clock: {@code timeoutSeconds} 0 means no limit. */
  public static StatementControl start(int timeoutSeconds, ScheduledExecutorService timers) {
    return new StatementControl(timeoutSeconds, timers);
  }

  /** For executions nothing can cancel and no timeout bounds (tools, tests). */
  public static StatementControl unlimited() {
    return new StatementControl(0, null);
  }

  /** Cancels every physical statement in flight and any not started yet; safe from any thread. */
  public void cancel() {
    stop(Stop.CANCELED);
  }

  /** A step failed: its siblings still running are cancelled, since their rows can no longer be used. */
  void stopSiblings() {
    stop(Stop.STEP_FAILED);
  }

  /** The execution returned its result: the timeout no longer applies (rows streamed later are unbounded). */
  public void finish() {
    if (timer != null) {
      timer.cancel(false);
    }
  }

  /** Throws the cancel or timeout when the execution was stopped; before each physical query and as rows come. */
  void check() throws SQLException {
    Stop reason = stopped;
    if (reason == null && timer != null && System.nanoTime() - deadlineNanos >= 0) {
      stop(Stop.TIMED_OUT);
      reason = Stop.TIMED_OUT;
    }
    if (reason != null) {
      throw failure(reason, null);
    }
  }

  /** Registers a physical statement about to execute, with the time left as its own timeout. */
  void register(Statement statement) throws SQLException {
    check();
    if (timer != null) {
      long nanosLeft = deadlineNanos - System.nanoTime();
      statement.setQueryTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanosLeft + 999_999_999L)));
    }
    running.add(statement);
    if (stopped != null) {
      cancelQuietly(statement);
    }
  }

  void unregister(Statement statement) {
    running.remove(statement);
  }

  /**
   * What to report for a physical query's failure: the cancel or timeout when that is what ended it (the
   * database's own error kept as the cause), else the failure itself.
   */
  SQLException explain(SQLException failure) {
    Stop reason = stopped;
    return reason == null || reason == Stop.STEP_FAILED ? failure : failure(reason, failure);
  }

  private void stop(Stop reason) {
    if (stopped == null) {
      stopped = reason;
    }
    running.forEach(StatementControl::cancelQuietly);
  }

  private SQLException failure(Stop reason, SQLException cause) {
    return switch (reason) {
      case TIMED_OUT -> SqlExceptions.of(SqlState.QUERY_CANCELED, "the cross-cluster statement ran past its query"
          + " timeout of " + timeoutSeconds + " s (all its steps together); its queries were cancelled on every"
          + " cluster. Fix: raise Statement.setQueryTimeout, or narrow the query", cause);
      case CANCELED -> SqlExceptions.canceled("the statement was cancelled (Statement.cancel()); its queries were"
          + " cancelled on every cluster", cause);
      case STEP_FAILED -> SqlExceptions.canceled("another step of the statement failed", cause);
    };
  }

  private static void cancelQuietly(Statement statement) {
    try {
      statement.cancel();
    } catch (SQLException | RuntimeException ignored) {
      // closed meanwhile, or the driver cannot cancel: the backstop timeout and the next check() remain
    }
  }
}
