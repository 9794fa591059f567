package io.xcluster.rewriter;

import io.xcluster.config.Sharding;
import java.util.List;

/**
 * Which shards of a sharded cluster a statement (or one fetch of a plan) must reach, as far as its SQL says:
 * the key values its shard key column is pinned to by {@code key = v} or {@code key IN (v, ...)}, each a
 * literal or a parameter, resolved to shards when the statement runs. No keys: every shard.
 *
 * @param keys the values the shard key equals; empty when the SQL does not pin it
 * @param keyType what the shard key column holds, so that a value bound in another type maps like the column's
 */
public record ShardPick(List<Key> keys, Sharding.KeyType keyType) {
  public static final ShardPick ALL = new ShardPick(List.of(), Sharding.KeyType.BY_VALUE);

  /** The key type of a shard key column of {@code kind}; {@link Sharding.KeyType#BY_VALUE} when unknown. */
  public static Sharding.KeyType keyType(java.util.Optional<io.xcluster.rewriter.eval.ValueKind> kind) {
    return kind.map(known -> switch (known) {
      case INTEGER -> Sharding.KeyType.INTEGER;
      case TEXT, UUID -> Sharding.KeyType.TEXT;
      default -> Sharding.KeyType.BY_VALUE;
    }).orElse(Sharding.KeyType.BY_VALUE);
  }

  /** A literal key, or the 1-based index of the parameter that holds it ({@code parameter > 0}). */
  public record Key(Object literal, int parameter) {
    public boolean isParameter() {
      return parameter > 0;
    }

    /** The value: the literal, or the parameter's value from {@code parameters} ({@code [0]} is parameter 1). */
    public Object value(Object[] parameters) {
      return isParameter() ? parameters[parameter - 1] : literal;
    }

    @Override
    public String toString() {
      return isParameter() ? "?" + parameter : String.valueOf(literal);
    }
  }

  public ShardPick {
    keys = List.copyOf(keys);
  }

  /**
   * An UPDATE of a sharded table that sets its shard key: the rows it changes must already live on the shard
   * of the new key, or the UPDATE would move them; {@code probeSql} finds a row the UPDATE would change.
   *
   * @param newKey the value the shard key is set to
   * @param keyType what the key column holds
   * @param probeSql {@code SELECT 1 FROM <table> WHERE <the UPDATE's WHERE> LIMIT 1}
   * @param probeParameters the statement's 1-based parameter indexes, in the order {@code probeSql} uses them
   */
  public record Move(Key newKey, Sharding.KeyType keyType, String probeSql, List<Integer> probeParameters) {
    public Move {
      probeParameters = List.copyOf(probeParameters);
    }
  }

  public boolean all() {
    return keys.isEmpty();
  }

  @Override
  public String toString() {
    return all() ? "all shards" : "shards of keys " + keys;
  }
}
