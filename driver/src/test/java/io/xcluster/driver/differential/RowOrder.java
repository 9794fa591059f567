package io.xcluster.driver.differential;

/** How two results' rows are compared. */
enum RowOrder {
  /**
   * As sequences. Only for queries whose ORDER BY is total (it ends with unique keys and names
   * NULLS FIRST/LAST on nullable keys); otherwise both databases may legitimately differ in order.
   */
  ORDERED,
  /** As multisets: the same rows, each as often, in any order. */
  UNORDERED
}
