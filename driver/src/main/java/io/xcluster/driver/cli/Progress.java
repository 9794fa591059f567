package io.xcluster.driver.cli;

import io.xcluster.driver.QueryEvent;
import io.xcluster.driver.QueryListener;
import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;

/**
 * The shell's progress line: once a statement has run longer than a threshold, each physical query that
 * finishes rewrites one line on the terminal with the queries and rows fetched so far per cluster.
 */
class Progress implements QueryListener {
  /** Shows nothing. */
  static final Progress NONE = new Progress(null, Long.MAX_VALUE);

  private final PrintStream terminal;
  private final long afterNanos;
  private final Map<String, long[]> byCluster = new TreeMap<>();
  private long started;
  private boolean shown;

  private Progress(PrintStream terminal, long afterNanos) {
    this.terminal = terminal;
    this.afterNanos = afterNanos;
  }

  static Progress to(PrintStream terminal, long afterNanos) {
    return new Progress(terminal, afterNanos);
  }

  synchronized void start() {
    byCluster.clear();
    started = System.nanoTime();
    shown = false;
  }

  @Override
  public synchronized void onQuery(QueryEvent event) {
    if (terminal == null) {
      return;
    }
    long[] counts = byCluster.computeIfAbsent(event.cluster(), cluster -> new long[2]);
    counts[0]++;
    counts[1] += Math.max(0, event.rows());
    if (System.nanoTime() - started >= afterNanos) {
      StringBuilder line = new StringBuilder("\r  fetched:");
      byCluster.forEach((cluster, c) -> line.append(' ').append(cluster).append(' ').append(c[1]).append(" rows (")
          .append(c[0]).append(c[0] == 1 ? " query)" : " queries)"));
      terminal.print(line);
      terminal.flush();
      shown = true;
    }
  }

  /** Ends the progress line, if one was shown, so that the result starts on a line of its own. */
  synchronized void finish() {
    if (shown) {
      terminal.println();
    }
  }
}
