package io.xcluster.rewriter.eval;

import io.xcluster.rewriter.Dialect;
/** Where NULLs go in a sorted result, whatever the direction. */
public enum NullOrdering {
  NULLS_FIRST,
  NULLS_LAST;

  /** The dialect's placement when ORDER BY says neither NULLS FIRST nor NULLS LAST. */
  public static NullOrdering defaultFor(Dialect dialect, boolean descending) {
    return dialect.nullsFirst(!descending) ? NULLS_FIRST : NULLS_LAST;
  }
}
