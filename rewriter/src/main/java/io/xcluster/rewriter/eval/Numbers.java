package io.xcluster.rewriter.eval;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Arithmetic and ordering on numbers with PostgreSQL's rules.
 *
 * <p>Promotion follows PostgreSQL's operator resolution: bigint with bigint stays bigint (so {@code 7 / 2}
 * is 3, truncated toward zero, and overflow is an error, not a wrap-around); anything with numeric is
 * numeric; anything with double precision, or real with a non-real, is double precision; real with real
 * stays single precision. Numeric division uses PostgreSQL's result scale ({@link DecimalDivision}). Float
 * results that overflow or underflow are errors, as in PostgreSQL. Integral columns are carried as
 * {@code Long}, so an {@code integer} (int4) overflow that PostgreSQL reports is only reported here beyond
 * the bigint range.
 */
final class Numbers {
  private Numbers() {}

  static boolean isNumber(Object value) {
    return value instanceof Long || value instanceof BigDecimal || value instanceof Double
        || value instanceof Float;
  }

  static Object apply(ArithmeticOp op, Object left, Object right) {
    if (!isNumber(left) || !isNumber(right)) {
      throw EvalErrors.unsupported("the operator " + Values.typeName(left) + " " + op.symbol() + " "
          + Values.typeName(right), "arithmetic is evaluated only on numbers; PostgreSQL has no such"
          + " operator or converts implicitly in ways xcluster does not reproduce");
    }
    if (left instanceof Long x && right instanceof Long y) {
      return longs(op, x, y);
    }
    if (left instanceof Float x && right instanceof Float y) {
      return FloatMath.floats(op, x, y);
    }
    if (isFloating(left) || isFloating(right)) {
      return FloatMath.doubles(op, toDouble(left), toDouble(right));
    }
    return decimals(op, decimal(left), decimal(right));
  }

  static Object negate(Object value) {
    if (value instanceof Long x) {
      if (x == Long.MIN_VALUE) {
        throw EvalErrors.outOfRange("bigint");
      }
      return -x;
    }
    if (value instanceof BigDecimal x) {
      return x.negate();
    }
    if (value instanceof Double x) {
      return -x;
    }
    if (value instanceof Float x) {
      return -x;
    }
    throw EvalErrors.unsupported("the unary minus on " + Values.typeName(value),
        "PostgreSQL has no such operator");
  }

  /** Orders two numbers by value: 1 = 1.0 = 1.00; with a float involved, both compare as float8. */
  static int compare(Object left, Object right) {
    if (left instanceof Long x && right instanceof Long y) {
      return Long.compare(x, y);
    }
    if (isFloating(left) || isFloating(right)) {
      return FloatMath.compare(toDouble(left), toDouble(right));
    }
    return decimal(left).compareTo(decimal(right));
  }

  static boolean isFloating(Object value) {
    return value instanceof Double || value instanceof Float;
  }

  /** A Long or BigDecimal as a BigDecimal with a non-negative scale (PostgreSQL has no negative scale). */
  static BigDecimal decimal(Object value) {
    BigDecimal decimal = value instanceof Long x ? BigDecimal.valueOf(x) : (BigDecimal) value;
    return decimal.scale() < 0 ? decimal.setScale(0, RoundingMode.UNNECESSARY) : decimal;
  }

  /** Any number as float8, the way PostgreSQL casts int8 and numeric to double precision. */
  static double toDouble(Object value) {
    double result = ((Number) value).doubleValue();
    if (Double.isInfinite(result) && value instanceof BigDecimal) {
      throw EvalErrors.dataError("value out of range: overflow (numeric too large for double precision)");
    }
    return result;
  }

  private static Object longs(ArithmeticOp op, long x, long y) {
    try {
      switch (op) {
        case ADD:
          return Math.addExact(x, y);
        case SUBTRACT:
          return Math.subtractExact(x, y);
        case MULTIPLY:
          return Math.multiplyExact(x, y);
        case DIVIDE:
          requireNonZero(y);
          if (x == Long.MIN_VALUE && y == -1) {
            throw EvalErrors.outOfRange("bigint");
          }
          return x / y;
        default:
          requireNonZero(y);
          return x % y;
      }
    } catch (ArithmeticException overflow) {
      throw EvalErrors.outOfRange("bigint");
    }
  }

  private static BigDecimal decimals(ArithmeticOp op, BigDecimal x, BigDecimal y) {
    switch (op) {
      case ADD:
        return x.add(y);
      case SUBTRACT:
        return x.subtract(y);
      case MULTIPLY:
        return x.multiply(y);
      case DIVIDE:
        requireNonZero(y.signum());
        return x.divide(y, DecimalDivision.resultScale(x, y), RoundingMode.HALF_UP);
      default:
        requireNonZero(y.signum());
        return x.remainder(y).setScale(Math.max(x.scale(), y.scale()), RoundingMode.UNNECESSARY);
    }
  }

  private static void requireNonZero(long divisor) {
    if (divisor == 0) {
      throw EvalErrors.divisionByZero();
    }
  }
}
