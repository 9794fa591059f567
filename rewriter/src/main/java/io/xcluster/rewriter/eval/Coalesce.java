package io.xcluster.rewriter.eval;

import java.util.List;
import java.util.Optional;

/** {@code COALESCE(a, b, ...)}: the first non-NULL argument, converted to the arguments' common type. */
record Coalesce(Unification arguments) implements Expr {

  @Override
  public Object eval(Object[] row, Object[] params) {
    List<Expr> branches = arguments.branches();
    for (int i = 0; i < branches.size(); i++) {
      Object value = branches.get(i).eval(row, params);
      if (value != null) {
        return arguments.convert(value, i, row, params);
      }
    }
    return null;
  }

  @Override
  public Optional<ValueKind> kind() {
    return arguments.kind();
  }

  @Override
  public Optional<ValueKind> kindIn(Object[] row, Object[] params) {
    return arguments.kindIn(row, params);
  }
}
