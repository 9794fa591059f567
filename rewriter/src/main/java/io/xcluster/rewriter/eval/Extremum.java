package io.xcluster.rewriter.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code GREATEST(...)} or {@code LEAST(...)}: NULL arguments are ignored (NULL only if all are NULL), as in
 * PostgreSQL; MySQL returns NULL as soon as one argument is NULL. The arguments are converted to their
 * common type before they are compared.
 */
record Extremum(boolean greatest, Unification arguments) implements Expr {

  @Override
  public Object eval(Object[] row, Object[] params) {
    List<Object> values = new ArrayList<>();
    for (Expr argument : arguments.branches()) {
      values.add(argument.eval(row, params));
    }
    Object best = null;
    for (Object value : arguments.convertAll(values, row, params)) {
      if (value != null && (best == null || better(value, best))) {
        best = value;
      }
    }
    return best;
  }

  private boolean better(Object candidate, Object best) {
    int order = ValueOrder.compare(candidate, best);
    return greatest ? order > 0 : order < 0;
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
