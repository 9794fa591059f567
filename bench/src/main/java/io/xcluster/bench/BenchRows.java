package io.xcluster.bench;

import java.time.LocalDateTime;
import java.util.List;

/**
 * The benchmark's rows, deterministic: every value is a pure function of the seed, the table, the row's
 * id and the column, so a row can be generated alone, in any order, and the same sizes and seed always
 * give the same databases (whichever engine holds them). Values are the Java types the fixture loader
 * binds: {@link Long} keys, {@link Integer} scores, {@link String} text, {@link LocalDateTime} times.
 *
 * <p>Shapes the queries rely on: subscription {@code i} belongs to user {@code 1 + (i - 1) % users}, so
 * every user has exactly {@value BenchSizes#SUBSCRIPTIONS_PER_USER}; a post belongs to a uniformly drawn
 * subscription and to that subscription's user; post scores are 0..999 and never NULL (so {@code ORDER
 * BY score DESC} means the same on every engine); a third of the subscriptions are on each plan; bookmark
 * {@code i} names post {@code 5(i - 1) + 1..5} (distinct posts).
 */
final class BenchRows {
  static final List<String> PLANS = List.of("free", "pro", "team");
  private static final List<String> PEOPLE =
      List.of("alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy");
  private static final List<String> WORDS =
      List.of("joins", "indexes", "clusters", "queries", "caches", "routes", "shards", "plans");
  private static final LocalDateTime EPOCH = LocalDateTime.of(2024, 1, 1, 0, 0);
  private static final int SECONDS_PER_YEAR = 365 * 24 * 3600;
  private static final int SCORE_BOUND = 1000;

  private final BenchSizes sizes;
  private final long seed;

  BenchRows(BenchSizes sizes, long seed) {
    this.sizes = sizes;
    this.seed = seed;
  }

  /** The row with {@code id} (1-based) of {@code table}, in {@link BenchTable#columns()} order. */
  Object[] row(BenchTable table, long id) {
    return switch (table) {
      case USERS -> user(id);
      case SUBSCRIPTIONS -> subscription(id);
      case POSTS -> post(id);
      case BOOKMARKS -> bookmark(id);
    };
  }

  /** The owner of subscription {@code subscriptionId}. */
  long userOfSubscription(long subscriptionId) {
    return 1 + (subscriptionId - 1) % sizes.users();
  }

  private Object[] user(long id) {
    String name = pick(PEOPLE, draw(BenchTable.USERS, id, 0));
    Integer score = id % 10 == 0 ? null : (int) (draw(BenchTable.USERS, id, 1) % 101);
    return new Object[] {
      id, name, name + id + "@example.com", timestamp(draw(BenchTable.USERS, id, 2)), score
    };
  }

  private Object[] subscription(long id) {
    String plan = pick(PLANS, draw(BenchTable.SUBSCRIPTIONS, id, 0));
    return new Object[] {
      id, userOfSubscription(id), plan, timestamp(draw(BenchTable.SUBSCRIPTIONS, id, 1))
    };
  }

  private Object[] post(long id) {
    long subscription = 1 + draw(BenchTable.POSTS, id, 0) % sizes.subscriptions();
    String title =
        pick(WORDS, draw(BenchTable.POSTS, id, 1))
            + " and "
            + pick(WORDS, draw(BenchTable.POSTS, id, 2))
            + " "
            + id;
    int score = (int) (draw(BenchTable.POSTS, id, 3) % SCORE_BOUND);
    return new Object[] {
      id,
      subscription,
      userOfSubscription(subscription),
      title,
      score,
      timestamp(draw(BenchTable.POSTS, id, 4))
    };
  }

  private Object[] bookmark(long id) {
    long post = (id - 1) * 5 + 1 + draw(BenchTable.BOOKMARKS, id, 0) % 5;
    return new Object[] {id, 1 + (id - 1) % sizes.users(), post};
  }

  /** A non-negative pseudo-random number for one column of one row (SplitMix64's finaliser). */
  private long draw(BenchTable table, long id, int column) {
    long z = seed + 0x9E3779B97F4A7C15L * (id * 64 + table.ordinal() * 8L + column + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return (z ^ (z >>> 31)) >>> 1;
  }

  private static String pick(List<String> values, long draw) {
    return values.get((int) (draw % values.size()));
  }

  /** A time in 2024 with a microsecond fraction. */
  private static LocalDateTime timestamp(long draw) {
    return EPOCH
        .plusSeconds(draw % SECONDS_PER_YEAR)
        .plusNanos((draw / SECONDS_PER_YEAR) % 1_000_000 * 1_000L);
  }
}
