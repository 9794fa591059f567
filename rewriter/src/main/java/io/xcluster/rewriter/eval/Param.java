package io.xcluster.rewriter.eval;

import io.xcluster.error.SqlState;
import io.xcluster.error.XClusterException;
import java.util.Optional;

/** A JDBC parameter: {@code position} is 1-based, so its value is {@code params[position - 1]}. */
record Param(int position) implements Expr {

  @Override
  public Object eval(Object[] row, Object[] params) {
    if (position > params.length) {
      throw new XClusterException(SqlState.INVALID_PARAMETER, "no value was supplied for parameter "
          + position + " (" + params.length + " given)");
    }
    return Values.normalize(params[position - 1]);
  }

  @Override
  public Optional<ValueKind> kind() {
    return Optional.empty();
  }

  @Override
  public Optional<ValueKind> kindIn(Object[] row, Object[] params) {
    return position > params.length ? Optional.empty()
        : Optional.ofNullable(Values.normalize(params[position - 1])).map(ValueKind::of);
  }
}
