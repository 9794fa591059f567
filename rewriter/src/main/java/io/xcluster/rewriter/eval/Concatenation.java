package io.xcluster.rewriter.eval;

import java.util.Optional;

/**
 * {@code left || right}: NULL if either side is NULL (unlike {@code CONCAT}); one side must be text and the
 * other is cast to text ({@code 'x' || true} is {@code xtrue}). MySQL reads {@code ||} as OR unless
 * PIPES_AS_CONCAT is set; this is PostgreSQL's meaning.
 */
record Concatenation(Expr left, Expr right) implements Expr {

  @Override
  public Object eval(Object[] row, Object[] params) {
    Object x = left.eval(row, params);
    Object y = right.eval(row, params);
    if (x == null || y == null) {
      return null;
    }
    if (!(x instanceof String) && !(y instanceof String)) {
      throw EvalErrors.unsupported("the operator " + Values.typeName(x) + " || " + Values.typeName(y),
          "PostgreSQL concatenates with || only when one side is text");
    }
    return TextForm.cast(x) + TextForm.cast(y);
  }

  @Override
  public Optional<ValueKind> kind() {
    return Optional.of(ValueKind.TEXT);
  }
}
