package io.xcluster.driver.exec;

import java.util.HashSet;
import java.util.Set;

/**
 * The distinct join keys ({@link Keys#of}) among a known number of rows, as a {@code HashSet} would tell them
 * apart. While every key is a {@code Long} (the common id column) they are held unboxed in an open-addressing
 * table, which spares a hash-set entry per key; the first key of another class moves them all into a {@code
 * HashSet}.
 */
final class DistinctKeys {
  private long[] longs;
  private boolean[] used;
  private Set<Object> others;

  /** For the keys of at most {@code rows} rows. */
  DistinctKeys(int rows) {
    int capacity = Integer.highestOneBit(Math.max(2, rows) * 2 - 1) << 1; // at most half full
    longs = new long[capacity];
    used = new boolean[capacity];
  }

  /** Whether {@code key} (not null) was not seen before; it is seen from now on. */
  boolean add(Object key) {
    if (others == null && key instanceof Long boxed) {
      return addLong(boxed);
    }
    if (others == null) {
      box();
    }
    return others.add(key);
  }

  private boolean addLong(long key) {
    int mask = longs.length - 1;
    int slot = RowIndex.home(key, mask);
    while (used[slot]) {
      if (longs[slot] == key) {
        return false;
      }
      slot = (slot + 1) & mask;
    }
    used[slot] = true;
    longs[slot] = key;
    return true;
  }

  private void box() {
    others = new HashSet<>();
    for (int slot = 0; slot < longs.length; slot++) {
      if (used[slot]) {
        others.add(longs[slot]);
      }
    }
    longs = null;
    used = null;
  }
}
