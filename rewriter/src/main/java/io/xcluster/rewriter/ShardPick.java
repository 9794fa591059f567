package io.xcluster.rewriter;

import java.util.List;

/**
 * Which shards of a sharded cluster a statement (or one fetch of a plan) must reach, as far as its SQL says:
 * the key values its shard key column is pinned to by {@code key = v} or {@code key IN (v, ...)}, each a
 * literal or a parameter, resolved to shards when the statement runs. No keys: every shard.
 *
 * @param keys the values the shard key equals; empty when the SQL does not pin it
 * @param integerKey whether the shard key column holds integers (so a value bound as text maps like the number)
 */
public record ShardPick(List<Key> keys, boolean integerKey) {
  public static final ShardPick ALL = new ShardPick(List.of(), false);

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
   * @param integerKey whether the key column holds integers
   * @param probeSql {@code SELECT 1 FROM <table> WHERE <the UPDATE's WHERE> LIMIT 1}
   * @param probeParameters the statement's 1-based parameter indexes, in the order {@code probeSql} uses them
   */
  public record Move(Key newKey, boolean integerKey, String probeSql, List<Integer> probeParameters) {
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
