package io.xcluster.rewriter.eval;

import io.xcluster.error.SqlState;
import io.xcluster.error.XClusterException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * PostgreSQL's implicit conversions between the kinds, as far as the evaluator follows them: the common type
 * of COALESCE/CASE/GREATEST/LEAST branches ({@code select_common_type}) and the widening of a value to it.
 */
final class KindRules {
  private KindRules() {}

  /**
   * The common kind of two kinds: double precision wins over every number, then real, then numeric; a
   * timestamp wins over a date. Empty when PostgreSQL would reject the mix, or when the conversion depends
   * on the session (a date or timestamp with a timestamp with time zone).
   */
  static Optional<ValueKind> common(ValueKind left, ValueKind right) {
    if (left == right) {
      return Optional.of(left);
    }
    if (left.isNumeric() && right.isNumeric()) {
      if (left == ValueKind.DOUBLE || right == ValueKind.DOUBLE) {
        return Optional.of(ValueKind.DOUBLE);
      }
      return Optional.of(left == ValueKind.REAL || right == ValueKind.REAL ? ValueKind.REAL : ValueKind.NUMERIC);
    }
    if (isDateOrTimestamp(left) && isDateOrTimestamp(right)) {
      return Optional.of(ValueKind.TIMESTAMP);
    }
    return Optional.empty();
  }

  /** The common kind, or a refusal naming the construct and both kinds. */
  static ValueKind commonOrRefuse(String construct, ValueKind left, ValueKind right) {
    return common(left, right).orElseThrow(() -> EvalErrors.unsupported(construct + " mixing "
        + left.sqlName() + " with " + right.sqlName(), "PostgreSQL has no common type for them, or "
        + "converting between them depends on the session"));
  }

  /**
   * True for kinds no other kind widens, so that a value of that kind keeps its type whatever the other
   * branches turn out to be.
   */
  static boolean isWidest(ValueKind kind) {
    switch (kind) {
      case TEXT:
      case BOOLEAN:
      case BYTEA:
      case UUID:
      case DOUBLE:
      case TIMESTAMPTZ:
        return true;
      default:
        return false;
    }
  }

  /**
   * Converts a value to a wider kind (from {@link #common}); a string from an untyped literal is read as the
   * target kind.
   */
  static Object widen(Object value, ValueKind target) {
    ValueKind actual = ValueKind.of(value);
    if (actual == target) {
      return value;
    }
    if (value instanceof String text) {
      return TextInput.parse(text, target);
    }
    if (value instanceof LocalDate date && target == ValueKind.TIMESTAMP) {
      return date.atStartOfDay();
    }
    if (actual.isNumeric() && target.isNumeric() && common(actual, target).orElse(null) == target) {
      return widenNumber(value, target);
    }
    throw EvalErrors.unsupported("converting " + actual.sqlName() + " to " + target.sqlName(),
        "PostgreSQL does not convert implicitly between them");
  }

  /**
   * A column value checked against the kind the planner declared for the column, widened when the driver
   * handed out a narrower class (a Long for a numeric column).
   */
  static Object conform(Object value, ValueKind declared, String column) {
    ValueKind actual = ValueKind.of(value);
    if (actual == declared) {
      return value;
    }
    if (actual != ValueKind.TEXT && common(actual, declared).orElse(null) == declared) {
      return widen(value, declared);
    }
    throw new XClusterException(SqlState.INTERNAL_ERROR, "column " + column + " was declared as "
        + declared.sqlName() + " but holds a " + actual.sqlName() + " value");
  }

  private static Object widenNumber(Object value, ValueKind target) {
    switch (target) {
      case NUMERIC:
        return Numbers.decimal(value);
      case DOUBLE:
        return Numbers.toDouble(value);
      default:
        return toReal(value);
    }
  }

  /** Any number to real, as PostgreSQL converts it (correctly rounded; overflow and underflow are errors). */
  static Float toReal(Object value) {
    Number number = (Number) value;
    float result = number.floatValue();
    boolean sourceInfinite = Numbers.isFloating(value) && Double.isInfinite(number.doubleValue());
    boolean sourceZero = value instanceof BigDecimal decimal ? decimal.signum() == 0 : number.doubleValue() == 0.0;
    if (Float.isInfinite(result) && !sourceInfinite || result == 0.0f && !sourceZero) {
      throw EvalErrors.dataError("value out of range for type real (SQLSTATE 22003 in PostgreSQL)");
    }
    return result;
  }

  private static boolean isDateOrTimestamp(ValueKind kind) {
    return kind == ValueKind.DATE || kind == ValueKind.TIMESTAMP;
  }
}
