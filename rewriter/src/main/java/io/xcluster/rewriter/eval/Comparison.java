package io.xcluster.rewriter.eval;

import java.util.Optional;

/** {@code left op right}: UNKNOWN (null) when either side is NULL; see {@link ValueOrder} for the order. */
record Comparison(CompareOp op, Expr left, Expr right) implements Expr {

  @Override
  public Object eval(Object[] row, Object[] params) {
    return test(op, left, left.eval(row, params), right, right.eval(row, params));
  }

  static Boolean test(CompareOp op, Expr leftExpr, Object left, Expr rightExpr, Object right) {
    if (left == null || right == null) {
      return null;
    }
    return op.test(Coercion.compare(leftExpr, left, rightExpr, right));
  }

  @Override
  public Optional<ValueKind> kind() {
    return Optional.of(ValueKind.BOOLEAN);
  }
}
