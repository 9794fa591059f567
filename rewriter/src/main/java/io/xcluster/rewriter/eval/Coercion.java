package io.xcluster.rewriter.eval;

/**
 * The comparison of two non-null operands, with PostgreSQL's treatment of an untyped string literal: in
 * {@code d = '2024-01-31'} the literal is read as the other side's type (a date here), exactly as
 * PostgreSQL reads it; in {@code n = '1'} it is read as a number. A text value from a column or a parameter
 * is never converted: comparing it with a number is refused.
 */
final class Coercion {
  private Coercion() {}

  static int compare(Expr leftExpr, Object left, Expr rightExpr, Object right) {
    return ValueOrder.compare(resolve(leftExpr, left, right), resolve(rightExpr, right, left));
  }

  /** The value of an untyped literal read as the type of the value it is compared with. */
  static Object resolve(Expr source, Object value, Object other) {
    if (other instanceof String || !Const.isUntyped(source)) {
      return value;
    }
    return TextInput.parse((String) value, ValueKind.of(other));
  }
}
