package io.xcluster.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * How a sharded cluster spreads its rows: N shards with the same schema, a shard key column per table, and
 * the rule that maps a key value to its shard.
 *
 * <p>The rules, as documented in the README:
 * <ul>
 *   <li>{@code hash}: an integer key goes to shard {@code floorMod(key, N)}; any other key (text, UUID) to
 *       shard {@code floorMod(CRC32(UTF-8 of its text), N)};
 *   <li>{@code range}: integer keys; each shard holds {@code from <= key < to} (either end may be open);
 *   <li>{@code list}: each shard lists its key values, compared as text.
 * </ul>
 *
 * @param rule the rule
 * @param keys the shard key column of each sharded table, as written under {@code keys}
 * @param shards the shards in order; a shard's position is its number
 */
public record Sharding(Rule rule, List<ShardKey> keys, List<Shard> shards) {

  /** How key values map to shards. */
  public enum Rule { HASH, RANGE, LIST }

  /** The shard key column of the tables an entry of {@code keys} names. */
  public record ShardKey(TablePattern table, String column) {}

  /**
   * One shard: where it is and, for the range and list rules, which keys it holds.
   *
   * @param from the least key of a range shard (inclusive), null when open
   * @param to the end of a range shard (exclusive), null when open
   * @param values the keys of a list shard, as text
   * @param replicas the shard's read replicas, read under the cluster's replica options
   */
  public record Shard(String name, String url, String username, Secret password, java.util.Map<String, String> pool,
      Long from, Long to, List<String> values, ClusterConfig.Replicas replicas) {

    public Shard {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(url, "url");
      password = password == null ? Secret.of(null) : password;
      pool = java.util.Map.copyOf(pool);
      values = List.copyOf(values);
      replicas = replicas == null ? ClusterConfig.Replicas.none() : replicas;
    }

    /** A shard without replicas. */
    public Shard(String name, String url, String username, Secret password, java.util.Map<String, String> pool,
        Long from, Long to, List<String> values) {
      this(name, url, username, password, pool, from, to, values, ClusterConfig.Replicas.none());
    }

    boolean holds(long key) {
      return (from == null || key >= from) && (to == null || key < to);
    }

    @Override
    public String toString() {
      return "Shard[" + name + ", url=" + Secret.maskUrl(url) + ", password=" + password + "]";
    }
  }

  public Sharding {
    keys = List.copyOf(keys);
    shards = List.copyOf(shards);
  }

  /** The shard key column of {@code table} (the most specific {@code keys} entry that names it). */
  public Optional<String> keyOf(String cluster, TableName table) {
    int best = TableEntry.NO_MATCH;
    Optional<String> column = Optional.empty();
    for (ShardKey key : keys) {
      int score = new TableEntry(cluster, key.table()).score(table);
      if (score > best) {
        best = score;
        column = Optional.of(key.column());
      }
    }
    return column;
  }

  /**
   * What the shard key column holds, so that a value bound in another Java type maps like the column's own:
   * the text "42" for an integer column as the number 42, the number 42 for a text column as the text "42".
   */
  public enum KeyType {
    INTEGER,
    TEXT,
    /** The column's type is unknown: a whole number maps as an integer, anything else as its text. */
    BY_VALUE
  }

  /** {@link #shardOf(Object, KeyType)} with {@link KeyType#INTEGER} or {@link KeyType#BY_VALUE}. */
  public Optional<Integer> shardOf(Object value, boolean integerKey) {
    return shardOf(value, integerKey ? KeyType.INTEGER : KeyType.BY_VALUE);
  }

  /**
   * The shard that holds {@code value}, or empty when no shard does (a key outside every range or list).
   *
   * @throws IllegalArgumentException when the value is null or cannot be a key of that column
   */
  public Optional<Integer> shardOf(Object value, KeyType type) {
    if (value == null) {
      throw new IllegalArgumentException("a NULL shard key");
    }
    Optional<Long> integer = type == KeyType.INTEGER || rule == Rule.RANGE ? Optional.of(integerOf(value))
        : type == KeyType.TEXT ? Optional.empty() : integralOf(value);
    return switch (rule) {
      case HASH -> Optional.of(integer.map(key -> Math.floorMod(key, (long) shards.size()))
          .orElseGet(() -> crcOf(textOf(value)) % shards.size()).intValue());
      case RANGE -> indexWhere(shard -> shard.holds(integer.get()));
      case LIST -> {
        String text = integer.map(String::valueOf).orElseGet(() -> textOf(value));
        yield indexWhere(shard -> shard.values().contains(text));
      }
    };
  }

  private Optional<Integer> indexWhere(java.util.function.Predicate<Shard> holds) {
    for (int i = 0; i < shards.size(); i++) {
      if (holds.test(shards.get(i))) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  private static long crcOf(String text) {
    CRC32 crc = new CRC32();
    crc.update(text.getBytes(StandardCharsets.UTF_8));
    return crc.getValue();
  }

  private static String textOf(Object value) {
    return value instanceof java.util.UUID uuid ? uuid.toString().toLowerCase(Locale.ROOT) : value.toString();
  }

  /** The value as a whole number when it is one (1, 1.0, "1" does not count: its column decides). */
  private static Optional<Long> integralOf(Object value) {
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return Optional.of(((Number) value).longValue());
    }
    if (value instanceof BigInteger || value instanceof BigDecimal) {
      return Optional.of(integerOf(value));
    }
    return Optional.empty();
  }

  private static long integerOf(Object value) {
    try {
      BigDecimal exact = value instanceof BigDecimal decimal ? decimal
          : value instanceof Number number && !(value instanceof Double || value instanceof Float)
              ? new BigDecimal(number.toString()) : new BigDecimal(value.toString().strip());
      return exact.stripTrailingZeros().longValueExact();
    } catch (ArithmeticException | NumberFormatException notWhole) {
      throw new IllegalArgumentException("the shard key '" + value + "' is not a whole number", notWhole);
    }
  }
}
