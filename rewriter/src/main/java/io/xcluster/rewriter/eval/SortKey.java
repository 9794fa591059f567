package io.xcluster.rewriter.eval;

import io.xcluster.rewriter.Dialect;
import net.sf.jsqlparser.statement.select.OrderByElement;

/** One ORDER BY key: the slot of its (already computed) value in the row, the direction, where NULLs go. */
public record SortKey(int slot, boolean descending, NullOrdering nulls) {

  /**
   * The key for an ORDER BY element whose value is in {@code slot}: its ASC/DESC, and its explicit
   * NULLS FIRST/LAST or else the dialect's default.
   */
  public static SortKey of(int slot, OrderByElement element, Dialect dialect) {
    boolean descending = !element.isAsc();
    OrderByElement.NullOrdering explicit = element.getNullOrdering();
    NullOrdering nulls = explicit == null ? NullOrdering.defaultFor(dialect, descending)
        : explicit == OrderByElement.NullOrdering.NULLS_FIRST ? NullOrdering.NULLS_FIRST : NullOrdering.NULLS_LAST;
    return new SortKey(slot, descending, nulls);
  }
}
