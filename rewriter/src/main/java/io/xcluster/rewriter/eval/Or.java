package io.xcluster.rewriter.eval;

import java.util.Optional;

/** {@code left OR right} in three-valued logic; the right side is not evaluated once the left is TRUE. */
record Or(Expr left, Expr right) implements Expr {

  @Override
  public Object eval(Object[] row, Object[] params) {
    Boolean x = Truth.of(left.eval(row, params), "OR");
    if (Boolean.TRUE.equals(x)) {
      return Boolean.TRUE;
    }
    return Truth.or(x, Truth.of(right.eval(row, params), "OR"));
  }

  @Override
  public Optional<ValueKind> kind() {
    return Optional.of(ValueKind.BOOLEAN);
  }
}
