package io.xcluster.rewriter.eval;

import java.util.Optional;

/**
 * {@code operand [NOT] BETWEEN [SYMMETRIC] low AND high}, as PostgreSQL rewrites it: {@code operand >= low
 * AND operand <= high} in three-valued logic (so {@code 2 BETWEEN 3 AND NULL} is FALSE, not UNKNOWN);
 * SYMMETRIC also accepts the bounds in the other order; NOT negates the whole.
 */
record BetweenRange(Expr operand, Expr low, Expr high, boolean negated, boolean symmetric) implements Expr {

  @Override
  public Object eval(Object[] row, Object[] params) {
    Object value = operand.eval(row, params);
    Object from = low.eval(row, params);
    Object to = high.eval(row, params);
    Boolean inside = within(value, low, from, high, to);
    if (symmetric) {
      inside = Truth.or(inside, within(value, high, to, low, from));
    }
    return negated ? Truth.not(inside) : inside;
  }

  private Boolean within(Object value, Expr lowerExpr, Object lower, Expr upperExpr, Object upper) {
    Boolean aboveLower = Comparison.test(CompareOp.GREATER_OR_EQUAL, operand, value, lowerExpr, lower);
    Boolean belowUpper = Comparison.test(CompareOp.LESS_OR_EQUAL, operand, value, upperExpr, upper);
    return Truth.and(aboveLower, belowUpper);
  }

  @Override
  public Optional<ValueKind> kind() {
    return Optional.of(ValueKind.BOOLEAN);
  }
}
