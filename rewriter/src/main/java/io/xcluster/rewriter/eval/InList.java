package io.xcluster.rewriter.eval;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * {@code operand [NOT] IN (items)}: TRUE on the first equal item; otherwise UNKNOWN if the operand or any
 * item is NULL, else FALSE ({@code 2 IN (1, NULL)} is UNKNOWN, so {@code 2 NOT IN (1, NULL)} is UNKNOWN and
 * filters the row out).
 *
 * <p>PostgreSQL first converts a list of two or more constants to one common type, which for {@code real}
 * mixed with integer or numeric constants is {@code real} (while {@code real = numeric} alone compares as
 * double precision); that mix is refused.
 */
record InList(Expr operand, List<Expr> items, boolean negated) implements Expr {

  InList {
    items = List.copyOf(items);
  }

  @Override
  public Object eval(Object[] row, Object[] params) {
    Object value = operand.eval(row, params);
    if (value == null) {
      return null;
    }
    boolean sawNull = false;
    for (Expr item : items) {
      Object candidate = item.eval(row, params);
      if (candidate == null) {
        sawNull = true;
      } else if (equal(value, item, candidate)) {
        return !negated;
      }
    }
    return sawNull ? null : negated;
  }

  private boolean equal(Object value, Expr item, Object candidate) {
    if (mixesRealWithExact(value, candidate) || mixesRealWithExact(candidate, value)) {
      throw EvalErrors.unsupported("an IN list comparing real with " + Values.typeName(candidate),
          "PostgreSQL converts such a list to real, unlike the = operator; cast both sides to one type");
    }
    return Coercion.compare(operand, value, item, candidate) == 0;
  }

  private static boolean mixesRealWithExact(Object real, Object other) {
    return real instanceof Float && (other instanceof Long || other instanceof BigDecimal);
  }

  @Override
  public Optional<ValueKind> kind() {
    return Optional.of(ValueKind.BOOLEAN);
  }
}
