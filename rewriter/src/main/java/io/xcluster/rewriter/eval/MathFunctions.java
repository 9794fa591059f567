package io.xcluster.rewriter.eval;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * PostgreSQL's numeric functions. For an integer argument PostgreSQL resolves {@code round}, {@code floor}
 * and {@code ceil} to their double precision versions ({@code round(5)} is the float 5), so those return a
 * Double; numerics round half away from zero, floats half to even ({@code round(2.5::float8)} is 2).
 */
final class MathFunctions {
  private static final int MAX_ROUND_SCALE = 1000;

  private MathFunctions() {}

  static Object abs(Object value) {
    if (value instanceof Long number) {
      if (number == Long.MIN_VALUE) {
        throw EvalErrors.outOfRange("bigint");
      }
      return Math.abs(number);
    }
    if (value instanceof BigDecimal number) {
      return number.abs();
    }
    if (value instanceof Double number) {
      return Math.abs(number);
    }
    if (value instanceof Float number) {
      return Math.abs(number);
    }
    throw Arguments.wrongType(value, "ABS", "a number");
  }

  static Object round(Object value) {
    if (value instanceof BigDecimal number) {
      return Numbers.decimal(number).setScale(0, RoundingMode.HALF_UP);
    }
    return Math.rint(floating(value, "ROUND"));
  }

  /** {@code round(numeric, places)}: negative places round to tens, hundreds; the scale is max(places, 0). */
  static BigDecimal round(Object value, Object places) {
    int scale = Arguments.int32(places, "ROUND");
    if (!(value instanceof Long) && !(value instanceof BigDecimal)) {
      throw Arguments.wrongType(value, "ROUND", "a numeric with a number of places");
    }
    if (Math.abs(scale) > MAX_ROUND_SCALE) {
      throw EvalErrors.unsupported("ROUND to " + scale + " places", "the evaluator limits it to 1000");
    }
    BigDecimal rounded = Numbers.decimal(value).setScale(scale, RoundingMode.HALF_UP);
    return scale < 0 ? rounded.setScale(0, RoundingMode.UNNECESSARY) : rounded;
  }

  static Object floor(Object value) {
    if (value instanceof BigDecimal number) {
      return Numbers.decimal(number).setScale(0, RoundingMode.FLOOR);
    }
    return Math.floor(floating(value, "FLOOR"));
  }

  static Object ceil(Object value) {
    if (value instanceof BigDecimal number) {
      return Numbers.decimal(number).setScale(0, RoundingMode.CEILING);
    }
    return Math.ceil(floating(value, "CEIL"));
  }

  /** An integer or float argument as float8, which is the version PostgreSQL picks for both. */
  private static double floating(Object value, String function) {
    if (value instanceof Long || Numbers.isFloating(value)) {
      return ((Number) value).doubleValue();
    }
    throw Arguments.wrongType(value, function, "a number");
  }
}
