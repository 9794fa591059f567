package io.xcluster.driver.queries;

import java.time.Duration;

/** Elapsed time and pauses for the tests that stop statements mid-flight. */
final class Timing {
  private Timing() {}

  static Duration elapsed(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
