package io.xcluster.bench;

import java.util.Locale;

/**
 * How many rows each benchmark table holds. Scale 1.0 is the data set: 10,000 users, 50,000
 * subscriptions (5 per user), 500,000 posts (10 per subscription on average) and 100,000 bookmarks (10
 * per user, each a distinct post). Every size scales linearly, so the rows one user's query touches stay
 * the same at every scale; only the tables' sizes (and the key-scaling benchmark's ceiling) change.
 *
 * @param scale the factor, above 0
 */
record BenchSizes(double scale, int users, int subscriptions, int posts, int bookmarks) {
  static final int USERS_AT_SCALE_1 = 10_000;
  static final int SUBSCRIPTIONS_PER_USER = 5;
  static final int POSTS_PER_USER = 50;
  static final int BOOKMARKS_PER_USER = 10;

  BenchSizes {
    if (!(scale > 0) || users < 1) {
      throw new IllegalArgumentException("scale must give at least one user, was " + scale);
    }
  }

  /**
   * @throws IllegalArgumentException when {@code scale} gives no user
   */
  static BenchSizes of(double scale) {
    int users = (int) Math.round(USERS_AT_SCALE_1 * scale);
    return new BenchSizes(
        scale,
        users,
        users * SUBSCRIPTIONS_PER_USER,
        users * POSTS_PER_USER,
        users * BOOKMARKS_PER_USER);
  }

  /** The scale as the marker table and messages print it, e.g. {@code 0.1}. */
  String label() {
    return String.format(Locale.ROOT, "%s", scale);
  }
}
