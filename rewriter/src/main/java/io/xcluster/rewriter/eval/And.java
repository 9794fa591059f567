package io.xcluster.rewriter.eval;

import java.util.Optional;

/** {@code left AND right} in three-valued logic; the right side is not evaluated once the left is FALSE. */
record And(Expr left, Expr right) implements Expr {

  @Override
  public Object eval(Object[] row, Object[] params) {
    Boolean x = Truth.of(left.eval(row, params), "AND");
    if (Boolean.FALSE.equals(x)) {
      return Boolean.FALSE;
    }
    return Truth.and(x, Truth.of(right.eval(row, params), "AND"));
  }

  @Override
  public Optional<ValueKind> kind() {
    return Optional.of(ValueKind.BOOLEAN);
  }
}
