package io.xcluster.testing;

/**
 * How many rows each fixture table gets. Sizes count rows, orphans included.
 *
 * @throws IllegalArgumentException if a size is below 1
 */
public record FixtureSizes(
    int users, int subscriptions, int posts, int comments, int humans, int dogs, int treats) {

  public FixtureSizes {
    int[] all = {users, subscriptions, posts, comments, humans, dogs, treats};
    for (int size : all) {
      if (size < 1) {
        throw new IllegalArgumentException("Fixture sizes must be at least 1: " + this);
      }
    }
  }

  /** A few dozen rows per table: enough for every join shape, fast to load. */
  public static FixtureSizes small() {
    return new FixtureSizes(20, 24, 40, 80, 8, 12, 16);
  }

  /** {@link #small()} with every size multiplied by {@code factor}. */
  public static FixtureSizes scaled(int factor) {
    FixtureSizes small = small();
    return new FixtureSizes(
        small.users * factor,
        small.subscriptions * factor,
        small.posts * factor,
        small.comments * factor,
        small.humans * factor,
        small.dogs * factor,
        small.treats * factor);
  }

  /** The configured number of rows of {@code table}. */
  public int of(FixtureTable table) {
    return switch (table) {
      case USERS -> users;
      case SUBSCRIPTIONS -> subscriptions;
      case POSTS -> posts;
      case COMMENTS -> comments;
      case HUMANS -> humans;
      case DOGS -> dogs;
      case TREATS -> treats;
    };
  }
}
