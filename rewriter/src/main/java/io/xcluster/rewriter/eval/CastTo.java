package io.xcluster.rewriter.eval;

import java.util.Optional;

/** {@code CAST(operand AS type)} or {@code operand::type}; NULL stays NULL. See {@link Casts}. */
record CastTo(Expr operand, SqlType type) implements Expr {

  @Override
  public Object eval(Object[] row, Object[] params) {
    Object value = operand.eval(row, params);
    return value == null ? null : Casts.apply(value, type);
  }

  @Override
  public Optional<ValueKind> kind() {
    return Optional.of(type.kind());
  }
}
