package io.xcluster.rewriter.eval;

import java.util.Optional;

/** A column, read from its slot in the row; checked against its declared kind when one was given. */
record ColumnRef(int slot, String name, Optional<ValueKind> declared) implements Expr {

  @Override
  public Object eval(Object[] row, Object[] params) {
    Object value = Values.normalize(row[slot]);
    if (value == null || declared.isEmpty()) {
      return value;
    }
    return KindRules.conform(value, declared.get(), name);
  }

  @Override
  public Optional<ValueKind> kind() {
    return declared;
  }

  @Override
  public Optional<ValueKind> kindIn(Object[] row, Object[] params) {
    return declared.or(() -> Optional.ofNullable(Values.normalize(row[slot])).map(ValueKind::of));
  }
}
