package io.xcluster.testing;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Deterministic rows for every {@link FixtureTable}: the same sizes and seed always give the same
 * data, in primary-key order. Values are Java objects as described in {@link ColumnType}; nullable
 * columns hold {@code null} in some rows.
 *
 * <p>Shapes that make outer joins matter, guaranteed at {@link FixtureSizes#small()} and above:
 * users without subscriptions (ids divisible by 7), subscriptions of missing users, posts of
 * missing subscriptions or users, posts without comments (ids divisible by 6), comments of missing
 * posts, humans without dogs (ids divisible by 4), dogs without a human ({@code NULL}) or of a
 * missing one, treats of missing humans. "Missing" ids are at least 1000 above the referenced
 * table's size.
 */
public final class FixtureData {
  private final FixtureSizes sizes;
  private final long seed;
  private final Map<FixtureTable, List<List<Object>>> rows;

  FixtureData(FixtureSizes sizes, long seed, Map<FixtureTable, List<List<Object>>> rows) {
    this.sizes = sizes;
    this.seed = seed;
    this.rows = Collections.unmodifiableMap(new EnumMap<>(rows));
  }

  /** Generates the data for {@code sizes} from {@code seed}. */
  public static FixtureData generate(FixtureSizes sizes, long seed) {
    return new RailsDataGenerator(sizes, seed).generate();
  }

  public FixtureSizes sizes() {
    return sizes;
  }

  public long seed() {
    return seed;
  }

  /** The rows of {@code table} in primary-key order; unmodifiable, values may be {@code null}. */
  public List<List<Object>> rows(FixtureTable table) {
    return rows.get(table);
  }
}
