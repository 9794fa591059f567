package io.xcluster.rewriter.eval;

import java.util.Optional;

/**
 * A literal. {@code untyped} marks a plain string literal, which PostgreSQL types by its context: compared
 * with a date it is read as a date, and only where nothing else decides is it text.
 */
record Const(Object value, boolean untyped) implements Expr {
  static final Const NULL = new Const(null, false);

  static Const of(Object value) {
    return new Const(value, false);
  }

  @Override
  public Object eval(Object[] row, Object[] params) {
    return value;
  }

  @Override
  public Optional<ValueKind> kind() {
    return untyped || value == null ? Optional.empty() : Optional.of(ValueKind.of(value));
  }

  static boolean isNull(Expr expr) {
    return expr instanceof Const literal && literal.value == null;
  }

  static boolean isUntyped(Expr expr) {
    return expr instanceof Const literal && literal.untyped;
  }
}
