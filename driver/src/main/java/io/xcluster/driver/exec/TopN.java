package io.xcluster.driver.exec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * ORDER BY with OFFSET/LIMIT. When offset + limit is small against the rows, a bounded heap keeps only the
 * winners (n log k instead of a full sort); otherwise a stable full sort. Ties keep their input order either
 * way, as the heap breaks ties by position.
 */
final class TopN {
  private TopN() {}

  static List<Object[]> sorted(List<Object[]> rows, Comparator<Object[]> order, long offset, long limit) {
    long wanted = saturatedSum(offset, limit);
    List<Object[]> sorted = wanted < rows.size() / 2 ? smallest(rows, order, (int) wanted) : fullSort(rows, order);
    return slice(sorted, offset, limit);
  }

  /** Rows {@code offset} to {@code offset + limit} (both saturating; LIMIT absent is Long.MAX_VALUE). */
  static List<Object[]> slice(List<Object[]> rows, long offset, long limit) {
    int from = (int) Math.min(offset, rows.size());
    int to = (int) Math.min(rows.size(), saturatedSum(from, limit));
    return rows.subList(from, to);
  }

  private static long saturatedSum(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }

  private static List<Object[]> fullSort(List<Object[]> rows, Comparator<Object[]> order) {
    List<Object[]> copy = new ArrayList<>(rows);
    copy.sort(order);
    return copy;
  }

  private record Ranked(Object[] row, int position) {}

  private static List<Object[]> smallest(List<Object[]> rows, Comparator<Object[]> order, int count) {
    if (count == 0) {
      return List.of();
    }
    Comparator<Ranked> ranked = Comparator.comparing(Ranked::row, order).thenComparingInt(Ranked::position);
    PriorityQueue<Ranked> worstFirst = new PriorityQueue<>(count + 1, ranked.reversed());
    for (int i = 0; i < rows.size(); i++) {
      worstFirst.add(new Ranked(rows.get(i), i));
      if (worstFirst.size() > count) {
        worstFirst.poll();
      }
    }
    List<Ranked> winners = new ArrayList<>(worstFirst);
    winners.sort(ranked);
    return winners.stream().map(Ranked::row).toList();
  }
}
