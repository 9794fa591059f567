package io.xcluster.rewriter.eval;

import java.util.Optional;

/** {@code operand IS [NOT] NULL} (also PostgreSQL's {@code ISNULL}/{@code NOTNULL}); never UNKNOWN. */
record NullTest(Expr operand, boolean negated) implements Expr {

  @Override
  public Object eval(Object[] row, Object[] params) {
    return (operand.eval(row, params) == null) != negated;
  }

  @Override
  public Optional<ValueKind> kind() {
    return Optional.of(ValueKind.BOOLEAN);
  }
}
