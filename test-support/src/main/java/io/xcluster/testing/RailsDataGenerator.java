package io.xcluster.testing;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Builds {@link FixtureData}. Which rows are orphans or {@code NULL} follows fixed id patterns, so
 * every data set has them; names, scores and times come from a seeded {@link Random}. Tables are
 * generated in a fixed order from one generator, so changing one table's size changes the values
 * of the tables after it.
 */
final class RailsDataGenerator {
  private static final int ORPHAN_OFFSET = 1000;
  private static final LocalDateTime EPOCH = LocalDateTime.of(2024, 1, 1, 0, 0);
  private static final int SECONDS_PER_YEAR = 365 * 24 * 3600;
  private static final List<String> PEOPLE =
      List.of("alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy");
  private static final List<String> PLANS = List.of("free", "pro", "team");
  private static final List<String> WORDS =
      List.of("joins", "indexes", "clusters", "queries", "caches", "routes", "shards", "plans");
  private static final List<String> DOGS =
      List.of("rex", "fido", "luna", "max", "bella", "rocky", "daisy");
  private static final List<String> TREATS =
      List.of("bone", "biscuit", "jerky", "cheese", "carrot", "apple");

  private final FixtureSizes sizes;
  private final long seed;
  private final Random random;

  RailsDataGenerator(FixtureSizes sizes, long seed) {
    this.sizes = sizes;
    this.seed = seed;
    this.random = new Random(seed);
  }

  FixtureData generate() {
    Map<FixtureTable, List<List<Object>>> rows = new EnumMap<>(FixtureTable.class);
    rows.put(FixtureTable.USERS, rows(sizes.users(), this::user));
    rows.put(FixtureTable.SUBSCRIPTIONS, rows(sizes.subscriptions(), this::subscription));
    rows.put(FixtureTable.POSTS, rows(sizes.posts(), this::post));
    rows.put(FixtureTable.COMMENTS, rows(sizes.comments(), this::comment));
    rows.put(FixtureTable.HUMANS, rows(sizes.humans(), this::human));
    rows.put(FixtureTable.DOGS, rows(sizes.dogs(), this::dog));
    rows.put(FixtureTable.TREATS, rows(sizes.treats(), this::treat));
    return new FixtureData(sizes, seed, rows);
  }

  private List<Object> user(long id) {
    String name = pick(PEOPLE);
    return row(id, name, name + id + "@example.com", timestamp(), id % 5 == 0 ? null : score(100));
  }

  private List<Object> subscription(long id) {
    long userId = id % 8 == 0 ? orphan(sizes.users(), id) : referenceAvoiding(sizes.users(), 7);
    return row(id, userId, pick(PLANS), timestamp());
  }

  private List<Object> post(long id) {
    long subscriptionId =
        id % 9 == 0 ? orphan(sizes.subscriptions(), id) : reference(sizes.subscriptions());
    long userId = id % 11 == 0 ? orphan(sizes.users(), id) : reference(sizes.users());
    String title = pick(WORDS) + " and " + pick(WORDS) + " " + id;
    return row(id, subscriptionId, userId, title, id % 4 == 0 ? null : score(50), timestamp());
  }

  private List<Object> comment(long id) {
    long postId = id % 10 == 0 ? orphan(sizes.posts(), id) : referenceAvoiding(sizes.posts(), 6);
    return row(id, postId, reference(sizes.users()), "re " + pick(WORDS) + " " + id);
  }

  private List<Object> human(long id) {
    return row(id, pick(PEOPLE));
  }

  private List<Object> dog(long id) {
    Long humanId;
    if (id % 5 == 0) {
      humanId = null;
    } else if (id % 7 == 0) {
      humanId = orphan(sizes.humans(), id);
    } else {
      humanId = referenceAvoiding(sizes.humans(), 4);
    }
    return row(id, pick(DOGS), humanId);
  }

  private List<Object> treat(long id) {
    long humanId = id % 6 == 0 ? orphan(sizes.humans(), id) : reference(sizes.humans());
    return row(id, humanId, pick(TREATS), id % 5 == 0 ? null : 10 + score(290));
  }

  private static List<List<Object>> rows(int count, RowMaker maker) {
    List<List<Object>> rows = new ArrayList<>(count);
    for (long id = 1; id <= count; id++) {
      rows.add(maker.make(id));
    }
    return Collections.unmodifiableList(rows);
  }

  /** An id between 1 and {@code size}. */
  private long reference(int size) {
    return 1 + random.nextInt(size);
  }

  /** An id between 1 and {@code size} that is not a multiple of {@code divisor} (when possible). */
  private long referenceAvoiding(int size, int divisor) {
    long id = reference(size);
    return id % divisor == 0 ? id - 1 : id;
  }

  /** An id that no row of a table with {@code size} rows has. */
  private static long orphan(int size, long id) {
    return size + ORPHAN_OFFSET + id;
  }

  private Integer score(int bound) {
    return random.nextInt(bound + 1);
  }

  private String pick(List<String> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** A time in 2024 with a microsecond fraction. */
  private LocalDateTime timestamp() {
    return EPOCH
        .plusSeconds(random.nextInt(SECONDS_PER_YEAR))
        .plusNanos(random.nextInt(1_000_000) * 1_000L);
  }

  private static List<Object> row(Object... values) {
    return Collections.unmodifiableList(Arrays.asList(values));
  }

  @FunctionalInterface
  private interface RowMaker {
    List<Object> make(long id);
  }
}
