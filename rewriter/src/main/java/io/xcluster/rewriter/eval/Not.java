package io.xcluster.rewriter.eval;

import java.util.Optional;

/** {@code NOT operand}: NOT UNKNOWN is UNKNOWN. */
record Not(Expr operand) implements Expr {

  @Override
  public Object eval(Object[] row, Object[] params) {
    return Truth.not(Truth.of(operand.eval(row, params), "NOT"));
  }

  @Override
  public Optional<ValueKind> kind() {
    return Optional.of(ValueKind.BOOLEAN);
  }
}
