package io.xcluster.rewriter.eval;

import java.util.Optional;

/** Unary minus ({@code negate}) or unary plus on a number. */
record Signed(boolean negate, Expr operand) implements Expr {

  @Override
  public Object eval(Object[] row, Object[] params) {
    Object value = operand.eval(row, params);
    if (value == null) {
      return null;
    }
    if (negate) {
      return Numbers.negate(value);
    }
    if (!Numbers.isNumber(value)) {
      throw EvalErrors.unsupported("the unary plus on " + Values.typeName(value),
          "PostgreSQL has no such operator");
    }
    return value;
  }

  @Override
  public Optional<ValueKind> kind() {
    return operand.kind();
  }

  @Override
  public Optional<ValueKind> kindIn(Object[] row, Object[] params) {
    return operand.kindIn(row, params);
  }
}
