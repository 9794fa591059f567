package io.xcluster.rewriter.eval;

import java.util.Optional;

/**
 * {@code left IS [NOT] DISTINCT FROM right}: like {@code <>}, but NULL is a value (two NULLs are not
 * distinct, NULL and 1 are); never UNKNOWN.
 */
record DistinctTest(Expr left, Expr right, boolean negated) implements Expr {

  @Override
  public Object eval(Object[] row, Object[] params) {
    Object x = left.eval(row, params);
    Object y = right.eval(row, params);
    boolean distinct = x == null || y == null ? x != y : Coercion.compare(left, x, right, y) != 0;
    return distinct != negated;
  }

  @Override
  public Optional<ValueKind> kind() {
    return Optional.of(ValueKind.BOOLEAN);
  }
}
