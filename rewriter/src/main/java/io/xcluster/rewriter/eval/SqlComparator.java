package io.xcluster.rewriter.eval;

import io.xcluster.rewriter.Dialect;
import java.util.Comparator;
import java.util.List;

/**
 * Comparators that sort as the database would: values by SQL value order (numbers by value across Java types,
 * text by code point as under the C collation, see {@link ValueOrder}), NULLs first or last as asked.
 * Incomparable values (text and numbers in one column) make the comparator throw FEATURE_NOT_SUPPORTED
 * instead of inventing an order. Whether the source's collation allows sorting text in memory is for the
 * planner to decide (PITFALLS.md).
 */
public final class SqlComparator {
  private SqlComparator() {}

  /** Compares two non-null values in SQL order, as {@code <} and {@code =} do. */
  public static int compareValues(Object left, Object right) {
    if (integral(left) && integral(right)) {
      // the common case (ids, counts, int4 scores) without boxing a normalized Long per comparison
      return Long.compare(((Number) left).longValue(), ((Number) right).longValue());
    }
    return ValueOrder.compare(Values.normalize(left), Values.normalize(right));
  }

  private static boolean integral(Object value) {
    return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte;
  }

  /** One column's order; {@code nulls} is independent of the direction, as in SQL. */
  public static Comparator<Object> of(boolean descending, NullOrdering nulls) {
    return (left, right) -> {
      if (left == null || right == null) {
        if (left == right) {
          return 0;
        }
        return (left == null) == (nulls == NullOrdering.NULLS_FIRST) ? -1 : 1;
      }
      int order = compareValues(left, right);
      return descending ? -order : order;
    };
  }

  /** One column's order with the dialect's default NULL placement. */
  public static Comparator<Object> of(Dialect dialect, boolean descending) {
    return of(descending, NullOrdering.defaultFor(dialect, descending));
  }

  /** Rows ordered by the keys in turn. */
  public static Comparator<Object[]> rows(List<SortKey> keys) {
    Comparator<Object[]> result = (left, right) -> 0;
    for (SortKey key : List.copyOf(keys)) {
      Comparator<Object> values = of(key.descending(), key.nulls());
      result = result.thenComparing((left, right) -> values.compare(left[key.slot()], right[key.slot()]));
    }
    return result;
  }
}
