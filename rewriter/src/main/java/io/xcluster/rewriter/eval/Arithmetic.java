package io.xcluster.rewriter.eval;

import java.util.Optional;

/** {@code left op right} on numbers; NULL if either side is NULL ({@link Numbers} has the rules). */
record Arithmetic(ArithmeticOp op, Expr left, Expr right) implements Expr {

  @Override
  public Object eval(Object[] row, Object[] params) {
    Object x = left.eval(row, params);
    Object y = right.eval(row, params);
    return x == null || y == null ? null : Numbers.apply(op, x, y);
  }

  @Override
  public Optional<ValueKind> kind() {
    return resultKind(left.kind(), right.kind());
  }

  @Override
  public Optional<ValueKind> kindIn(Object[] row, Object[] params) {
    return resultKind(left.kindIn(row, params), right.kindIn(row, params));
  }

  static Optional<ValueKind> resultKind(Optional<ValueKind> x, Optional<ValueKind> y) {
    if (x.isEmpty() || y.isEmpty() || !x.get().isNumeric() || !y.get().isNumeric()) {
      return Optional.empty();
    }
    return Optional.of(resultKind(x.get(), y.get()));
  }

  /** bigint op bigint is bigint, real op real is real, any other float mix is double, else numeric. */
  static ValueKind resultKind(ValueKind x, ValueKind y) {
    if (x == y) {
      return x;
    }
    if (x == ValueKind.DOUBLE || y == ValueKind.DOUBLE || x == ValueKind.REAL || y == ValueKind.REAL) {
      return ValueKind.DOUBLE;
    }
    return ValueKind.NUMERIC;
  }
}
