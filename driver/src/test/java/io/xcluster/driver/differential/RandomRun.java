package io.xcluster.driver.differential;

import java.util.stream.IntStream;

/**
 * Which random queries a run checks, from system properties: {@code xcluster.random.seed} (default
 * {@value #DEFAULT_SEED}), {@code xcluster.random.count} (default {@value #DEFAULT_COUNT}), and
 * {@code xcluster.random.index} to rerun one query alone.
 */
record RandomRun(long seed, int count, int onlyIndex, int shown) {
  static final long DEFAULT_SEED = 20_240_917L;
  static final int DEFAULT_COUNT = 400;
  static final int DEFAULT_SHOWN = 3;
  private static final int ALL = -1;

  static RandomRun fromSystemProperties() {
    return new RandomRun(
        Long.getLong("xcluster.random.seed", DEFAULT_SEED),
        Integer.getInteger("xcluster.random.count", DEFAULT_COUNT),
        Integer.getInteger("xcluster.random.index", ALL),
        Integer.getInteger("xcluster.random.shown", DEFAULT_SHOWN));
  }

  /** The query indexes to check. */
  IntStream indexes() {
    return onlyIndex == ALL ? IntStream.range(0, count) : IntStream.of(onlyIndex);
  }

  /** The system properties that rerun query {@code index} alone. */
  String rerun(int index) {
    return "-Dxcluster.random.seed=" + seed + " -Dxcluster.random.index=" + index;
  }
}
