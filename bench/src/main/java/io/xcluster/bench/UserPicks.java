package io.xcluster.bench;

import java.util.SplittableRandom;

/**
 * A fixed pseudo-random sequence of first user ids, the same in every trial, so every path of a query
 * answers for the same users in the same order. A pick leaves room for {@code width} consecutive users.
 * Not thread-safe: the benchmarks run one thread.
 */
final class UserPicks {
  private static final int LENGTH = 4096;
  private final long[] firsts = new long[LENGTH];
  private int next;

  UserPicks(int users, int width, long seed) {
    if (width > users) {
      throw new IllegalArgumentException("a range of " + width + " users needs at least that many, have " + users);
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < LENGTH; i++) {
      firsts[i] = 1 + random.nextInt(users - width + 1);
    }
  }

  long next() {
    long first = firsts[next];
    next = (next + 1) % LENGTH;
    return first;
  }

  /** The pick the sequence starts with, for checking results before measuring. */
  long first() {
    return firsts[0];
  }
}
