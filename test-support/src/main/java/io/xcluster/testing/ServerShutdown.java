package io.xcluster.testing;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Stops the servers the rig started (containers, embedded processes) when the JVM exits, newest
 * first. One hook serves every server so that shutdown order is defined.
 */
final class ServerShutdown {
  private static final Deque<Runnable> STOPS = new ArrayDeque<>();
  private static boolean hookInstalled;

  private ServerShutdown() {}

  /** Runs {@code stop} at JVM exit; failures are printed, never thrown. */
  static synchronized void atExit(String description, Runnable stop) {
    if (!hookInstalled) {
      Runtime.getRuntime()
          .addShutdownHook(new Thread(ServerShutdown::stopAll, "xcluster-test-servers-shutdown"));
      hookInstalled = true;
    }
    STOPS.push(
        () -> {
          try {
            stop.run();
          } catch (RuntimeException e) {
            System.err.println("xcluster test servers: stopping " + description + " failed: " + e);
          }
        });
  }

  private static void stopAll() {
    while (true) {
      Runnable stop;
      synchronized (ServerShutdown.class) {
        stop = STOPS.poll();
      }
      if (stop == null) {
        return;
      }
      stop.run();
    }
  }
}
