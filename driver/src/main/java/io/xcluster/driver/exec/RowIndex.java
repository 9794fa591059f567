package io.xcluster.driver.exec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rows of one side of an in-memory join by their join key ({@link Keys#of}), each key's rows in their
 * original order. Rows whose key has a NULL part are left out, as they match nothing.
 *
 * <p>It is a hash table of its own because a {@code HashMap} would box every row position and allocate an
 * entry (plus a list) per key: the biggest share of a join's garbage after the rows themselves. Here a key
 * takes one slot of an {@code Object[]} and one of an {@code int[]} (open addressing, linear probing, at
 * most half full), and each row one {@code int} chaining it to the next row with the same key. An unboxed
 * {@code long[]} table for Long keys was tried (session 10): probing 10,000 streamed keys took 5% longer.
 */
final class RowIndex {
  static final int END = -1;

  /** Distinct keys by hash slot (null: free). Null for {@link #all}. */
  private final Object[] keys;
  /** The first row of the key in the same slot. */
  private final int[] firstRows;
  /** For each row, the next row with the same key, or {@link #END}. */
  private final int[] next;
  /** The first row of each distinct key, in the order the keys first appear; {@link #distinct} of them. */
  private final int[] firstSeen;
  private final int distinct;

  private RowIndex(Object[] keys, int[] firstRows, int[] next, int[] firstSeen, int distinct) {
    this.keys = keys;
    this.firstRows = firstRows;
    this.next = next;
    this.firstSeen = firstSeen;
    this.distinct = distinct;
  }

  static RowIndex of(List<Object[]> rows, int[] keySlots) {
    int capacity = capacityFor(rows.size());
    Object[] keys = new Object[capacity];
    int[] firstRows = new int[capacity];
    int[] lastRows = new int[capacity]; // each chain's end, where the key's next row is appended
    int[] next = new int[rows.size()];
    int[] firstSeen = new int[rows.size()];
    int distinct = 0;
    for (int row = 0; row < next.length; row++) {
      next[row] = END;
      Object key = Keys.of(rows.get(row), keySlots);
      if (key == null) {
        continue;
      }
      int slot = slotOf(keys, key);
      if (keys[slot] == null) {
        keys[slot] = key;
        firstRows[slot] = row;
        firstSeen[distinct++] = row;
      } else {
        next[lastRows[slot]] = row;
      }
      lastRows[slot] = row;
    }
    return new RowIndex(keys, firstRows, next, firstSeen, distinct);
  }

  /**
   * The distinct non-null keys of the indexed rows as the values at {@code slots} of each key's first row, in
   * the order the keys first appear: the key tuples a fetch bound by the indexed columns binds. {@code rows}
   * are the rows indexed, and {@code slots} the key slots they were indexed by.
   */
  List<Object[]> keyTuples(List<Object[]> rows, int[] slots) {
    List<Object[]> tuples = new ArrayList<>(distinct);
    for (int i = 0; i < distinct; i++) {
      Object[] row = rows.get(firstSeen[i]);
      Object[] values = new Object[slots.length];
      for (int part = 0; part < slots.length; part++) {
        values[part] = row[slots[part]];
      }
      tuples.add(values);
    }
    return tuples;
  }

  /** A power of two at least twice the rows: the table stays at most half full. */
  private static int capacityFor(int rows) {
    return Integer.highestOneBit(Math.max(2, rows) * 2 - 1) << 1;
  }

  /** Every one of {@code count} rows under any key: the index of a join without an equality (a product). */
  static RowIndex all(int count) {
    int[] next = new int[count];
    Arrays.setAll(next, row -> row + 1 < count ? row + 1 : END);
    return new RowIndex(null, null, next, null, 0);
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
    int slot = home(key.hashCode(), mask);
    while (keys[slot] != null && !keys[slot].equals(key)) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  /**
   * The first slot to probe for a key of {@code hash}, in a table of {@code mask + 1} slots (a power of two):
   * the top bits of a Fibonacci product, in which every bit of the hash counts. Taking the hash's own low bits (as {@code
   * HashMap} does) put runs of ids like 5000-5099 and 45000-45099 into the same slots, and linear probing then
   * walked along the runs: Q4's 500 subscription ids took 8.2 probes per key, against 1.4 with this hash; the
   * bookmarks' post ids of the key-scaling benchmark take 1.1 with either.
   */
  static int home(long hash, int mask) {
    return (int) ((hash * 0x9E3779B97F4A7C15L) >>> (32 + Integer.numberOfLeadingZeros(mask)));
  }
}
