package io.xcluster.driver.exec;

import java.util.Arrays;
import java.util.List;

/**
 * Rows of one side of an in-memory join by their join key ({@link Keys#of}), each key's rows in their
 * original order. Rows whose key has a NULL part are left out, as they match nothing.
 *
 * <p>It is a hash table of its own because a {@code HashMap} would box every row position and allocate an
 * entry (plus a list) per key: the biggest share of a join's garbage after the rows themselves. Here a key
 * takes one slot of an {@code Object[]} and one of an {@code int[]} (open addressing, linear probing, at most
 * half full), and each row one {@code int} chaining it to the next row with the same key.
 */
final class RowIndex {
  static final int END = -1;

  /** Distinct keys by hash slot (null: free). Null for {@link #all}. */
  private final Object[] keys;
  /** The first row of the key in the same slot. */
  private final int[] firstRows;
  /** For each row, the next row with the same key, or {@link #END}. */
  private final int[] next;

  private RowIndex(Object[] keys, int[] firstRows, int[] next) {
    this.keys = keys;
    this.firstRows = firstRows;
    this.next = next;
  }

  static RowIndex of(List<Object[]> rows, int[] keySlots) {
    int capacity = Integer.highestOneBit(Math.max(2, rows.size()) * 2 - 1) << 1; // a power of two >= 2 * rows
    Object[] keys = new Object[capacity];
    int[] firstRows = new int[capacity];
    int[] next = new int[rows.size()];
    for (int row = rows.size() - 1; row >= 0; row--) { // backwards, so that each chain runs forwards
      Object key = Keys.of(rows.get(row), keySlots);
      if (key == null) {
        next[row] = END;
        continue;
      }
      int slot = slotOf(keys, key);
      next[row] = keys[slot] == null ? END : firstRows[slot];
      keys[slot] = key;
      firstRows[slot] = row;
    }
    return new RowIndex(keys, firstRows, next);
  }

  /** Every one of {@code count} rows under any key: the index of a join without an equality (a product). */
  static RowIndex all(int count) {
    int[] next = new int[count];
    Arrays.setAll(next, row -> row + 1 < count ? row + 1 : END);
    return new RowIndex(null, null, next);
  }

  /** The first row with the key of {@code row} at {@code keySlots}, or {@link #END}. */
  int first(Object[] row, int[] keySlots) {
    if (keys == null) {
      return next.length == 0 ? END : 0;
    }
    Object key = Keys.of(row, keySlots);
    if (key == null) {
      return END;
    }
    int slot = slotOf(keys, key);
    return keys[slot] == null ? END : firstRows[slot];
  }

  /** The row after {@code row} with the same key, or {@link #END}. */
  int next(int row) {
    return next[row];
  }

  /** The slot holding {@code key}, else the free slot where it belongs. */
  private static int slotOf(Object[] keys, Object key) {
    int mask = keys.length - 1;
    int hash = key.hashCode();
    int slot = (hash ^ (hash >>> 16)) & mask;
    while (keys[slot] != null && !keys[slot].equals(key)) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }
}
