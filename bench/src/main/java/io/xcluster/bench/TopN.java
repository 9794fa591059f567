package io.xcluster.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The first {@code limit} elements in {@code order}, kept in a heap of at most {@code limit}: what a
 * hand-written {@code ORDER BY ... LIMIT n} over merged rows should cost, O(rows log n).
 */
final class TopN<T> {
  private final int limit;
  private final Comparator<T> order;
  private final PriorityQueue<T> worstFirst;

  TopN(int limit, Comparator<T> order) {
    this.limit = limit;
    this.order = order;
    this.worstFirst = new PriorityQueue<>(limit + 1, order.reversed());
  }

  void offer(T element) {
    if (worstFirst.size() < limit) {
      worstFirst.add(element);
    } else if (order.compare(element, worstFirst.peek()) < 0) {
      worstFirst.poll();
      worstFirst.add(element);
    }
  }

  /** The kept elements, best first. */
  List<T> sorted() {
    List<T> best = new ArrayList<>(worstFirst);
    best.sort(order);
    return best;
  }
}
