package io.xcluster.rewriter.eval;

/** How a condition's value decides whether a row passes WHERE, ON or HAVING. */
public final class Predicate {
  private Predicate() {}

  /**
   * Only TRUE passes; FALSE and NULL (UNKNOWN) filter the row out.
   *
   * @throws io.xcluster.error.XClusterException FEATURE_NOT_SUPPORTED for a non-boolean value (PostgreSQL
   *     rejects {@code WHERE 1}; MySQL would treat it as true)
   */
  public static boolean isTrue(Object value) {
    return Boolean.TRUE.equals(Truth.of(value, "WHERE/ON/HAVING"));
  }
}
