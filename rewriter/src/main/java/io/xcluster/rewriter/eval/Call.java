package io.xcluster.rewriter.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A call of a supported scalar function; a strict function returns NULL when any argument is NULL. */
record Call(ScalarFunction function, List<Expr> arguments) implements Expr {

  Call {
    arguments = List.copyOf(arguments);
  }

  @Override
  public Object eval(Object[] row, Object[] params) {
    List<Object> values = new ArrayList<>(arguments.size());
    for (Expr argument : arguments) {
      Object value = argument.eval(row, params);
      if (value == null && function.strict()) {
        return null;
      }
      values.add(value);
    }
    return function.apply(values);
  }

  @Override
  public Optional<ValueKind> kind() {
    List<Optional<ValueKind>> kinds = new ArrayList<>();
    arguments.forEach(argument -> kinds.add(argument.kind()));
    return function.kind(kinds);
  }

  @Override
  public Optional<ValueKind> kindIn(Object[] row, Object[] params) {
    List<Optional<ValueKind>> kinds = new ArrayList<>();
    arguments.forEach(argument -> kinds.add(argument.kindIn(row, params)));
    return function.kind(kinds);
  }
}
