package io.xcluster.rewriter.eval;

import java.util.Optional;

/**
 * {@code operand IS [NOT] TRUE|FALSE|UNKNOWN}; {@code expected} is empty for UNKNOWN. Never UNKNOWN itself:
 * {@code NULL IS NOT TRUE} is TRUE.
 */
record TruthTest(Expr operand, Optional<Boolean> expected, boolean negated) implements Expr {

  @Override
  public Object eval(Object[] row, Object[] params) {
    Boolean value = Truth.of(operand.eval(row, params), "IS TRUE/FALSE/UNKNOWN");
    boolean matches = expected.map(truth -> truth.equals(value)).orElse(value == null);
    return matches != negated;
  }

  @Override
  public Optional<ValueKind> kind() {
    return Optional.of(ValueKind.BOOLEAN);
  }
}
