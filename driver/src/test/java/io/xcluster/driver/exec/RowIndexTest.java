package io.xcluster.driver.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RowIndexTest {
  private static final int[] KEY = {0};

  private static List<Integer> rowsWith(RowIndex index, Object key) {
    List<Integer> rows = new ArrayList<>();
    for (int row = index.first(new Object[] {key}, KEY); row != RowIndex.END; row = index.next(row)) {
      rows.add(row);
    }
    return rows;
  }

  @Test
  void eachKeyFindsItsRowsInTheirOriginalOrder() {
    List<Object[]> rows = List.of(new Object[] {7L}, new Object[] {3L}, new Object[] {7L}, new Object[] {7L});
    RowIndex index = RowIndex.of(rows, KEY);
    assertEquals(List.of(0, 2, 3), rowsWith(index, 7L));
    assertEquals(List.of(1), rowsWith(index, 3L));
    assertEquals(List.of(), rowsWith(index, 4L));
  }

  @Test
  void keysMatchByValueAcrossIntegerLongAndDecimal() {
    RowIndex index = RowIndex.of(List.of(new Object[] {5}, new Object[] {new BigDecimal("6.00")}), KEY);
    assertEquals(List.of(0), rowsWith(index, 5L));
    assertEquals(List.of(1), rowsWith(index, 6));
  }

  /** Long and String keys skip the conversions (they are canonical already): the other forms still find them. */
  @Test
  void longAndTextKeysMatchTheirOtherFormsBothWays() {
    RowIndex longs = RowIndex.of(List.of(new Object[] {7L}, new Object[] {"7"}), KEY);
    assertEquals(List.of(0), rowsWith(longs, 7));
    assertEquals(List.of(0), rowsWith(longs, new BigDecimal("7.000")));
    assertEquals(List.of(0), rowsWith(longs, (short) 7));
    assertEquals(List.of(1), rowsWith(longs, "7"));
    assertEquals(List.of(), rowsWith(longs, "7 "));
    RowIndex others = RowIndex.of(List.of(new Object[] {7}, new Object[] {new BigDecimal("8.0")}), KEY);
    assertEquals(List.of(0), rowsWith(others, 7L));
    assertEquals(List.of(1), rowsWith(others, 8L));
  }

  /** 0, -1 and the extremes are keys like any other, whatever slots their hash picks. */
  @Test
  void unboxedKeysIncludeZeroAndTheExtremes() {
    List<Object[]> rows = List.of(new Object[] {0L}, new Object[] {Long.MIN_VALUE}, new Object[] {Long.MAX_VALUE},
        new Object[] {-1L}, new Object[] {0L});
    RowIndex index = RowIndex.of(rows, KEY);
    assertEquals(List.of(0, 4), rowsWith(index, 0L));
    assertEquals(List.of(0, 4), rowsWith(index, 0));
    assertEquals(List.of(1), rowsWith(index, Long.MIN_VALUE));
    assertEquals(List.of(2), rowsWith(index, Long.MAX_VALUE));
    assertEquals(List.of(3), rowsWith(index, new BigDecimal("-1.0")));
    assertEquals(List.of(), rowsWith(index, 1L));
    assertEquals(List.of(), rowsWith(index, "0"));
    assertEquals(List.of(), rowsWith(index, new BigDecimal("0.5")));
  }

  /** Keys of different classes share one table and still find exactly their own rows. */
  @Test
  void aKeyThatIsNoLongKeepsEveryKeyFindable() {
    for (List<Object[]> rows : List.of(
        List.of(new Object[] {"x"}, new Object[] {1L}, new Object[] {2L}),
        List.of(new Object[] {1L}, new Object[] {2L}, new Object[] {"x"}))) {
      RowIndex index = RowIndex.of(rows, KEY);
      assertEquals(1, rowsWith(index, "x").size());
      assertEquals(1, rowsWith(index, 1L).size());
      assertEquals(1, rowsWith(index, 2).size());
      assertEquals(List.of(), rowsWith(index, 3L));
    }
  }

  /** The keys a fetch bound by the indexed columns binds: each once, in the order of first appearance, no NULL. */
  @Test
  void keyTuplesAreTheDistinctKeysInTheOrderTheyFirstAppear() {
    int[] pair = {1, 2};
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[] {"r0", 9L, "b"});
    rows.add(new Object[] {"r1", 3L, "a"});
    rows.add(new Object[] {"r2", 9L, "b"});
    rows.add(new Object[] {"r3", null, "a"});
    rows.add(new Object[] {"r4", 9, "a"});
    rows.add(new Object[] {"r5", 3L, "a"});
    RowIndex index = RowIndex.of(rows, pair);
    assertEquals(List.of(List.of(9L, "b"), List.of(3L, "a"), List.of(9, "a")),
        index.keyTuples(rows, pair).stream().map(List::of).toList());
    assertEquals(2, index.next(0));
    assertEquals(5, index.next(1));
  }

  @Test
  void nullKeysAreLeftOutAndMatchNothing() {
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[] {null});
    rows.add(new Object[] {1L});
    RowIndex index = RowIndex.of(rows, KEY);
    assertEquals(List.of(), rowsWith(index, null));
    assertEquals(List.of(1), rowsWith(index, 1L));
  }

  @Test
  void manyKeysThatShareHashSlotsAreAllFound() {
    // multiples of the table size collide in the low bits; every key must still find exactly its rows
    List<Object[]> rows = IntStream.range(0, 5_000).mapToObj(i -> new Object[] {(long) (i % 1_000) * 4_096})
        .toList();
    RowIndex index = RowIndex.of(rows, KEY);
    for (int key = 0; key < 1_000; key++) {
      int k = key;
      assertEquals(IntStream.range(0, 5).mapToObj(i -> k + i * 1_000).toList(), rowsWith(index, (long) k * 4_096));
    }
  }

  @Test
  void twoPartKeysMatchOnBothParts() {
    int[] pair = {0, 1};
    RowIndex index = RowIndex.of(List.of(new Object[] {1L, "a"}, new Object[] {1L, "b"}), pair);
    assertEquals(1, index.first(new Object[] {1L, "b"}, pair));
    assertEquals(RowIndex.END, index.next(1));
    assertEquals(RowIndex.END, index.first(new Object[] {2L, "a"}, pair));
  }

  @Test
  void theIndexOfAProductHoldsEveryRowUnderAnyKey() {
    RowIndex all = RowIndex.all(3);
    assertEquals(0, all.first(new Object[0], new int[0]));
    assertEquals(List.of(1, 2, RowIndex.END), List.of(all.next(0), all.next(1), all.next(2)));
    assertEquals(RowIndex.END, RowIndex.all(0).first(new Object[0], new int[0]));
  }
}
