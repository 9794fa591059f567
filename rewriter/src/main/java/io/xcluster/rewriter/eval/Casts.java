package io.xcluster.rewriter.eval;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * {@code CAST(value AS type)} with PostgreSQL's conversions. Numeric to integer rounds half away from zero
 * ({@code 2.5} gives 3, {@code -2.5} gives -3) while float to integer rounds half to even ({@code 2.5} gives
 * 2); {@code numeric(p, s)} rounds half away from zero and rejects values that need more than {@code p - s}
 * integer digits; float to numeric keeps 15 significant digits (6 for real), as PostgreSQL prints them;
 * {@code varchar(n)} truncates. Out-of-range results are data errors, as in PostgreSQL.
 */
final class Casts {
  private static final MathContext DOUBLE_DIGITS = new MathContext(15, RoundingMode.HALF_EVEN);
  private static final MathContext REAL_DIGITS = new MathContext(6, RoundingMode.HALF_EVEN);

  private Casts() {}

  static Object apply(Object value, SqlType type) {
    switch (type.target()) {
      case SMALLINT:
        return IntegerCast.apply(value, Short.MIN_VALUE, Short.MAX_VALUE, "smallint");
      case INTEGER:
        return IntegerCast.apply(value, Integer.MIN_VALUE, Integer.MAX_VALUE, "integer");
      case BIGINT:
        return IntegerCast.apply(value, Long.MIN_VALUE, Long.MAX_VALUE, "bigint");
      case NUMERIC:
        return withTypmod(numeric(value, type), type);
      case REAL:
        return real(value, type);
      case DOUBLE:
        return float8(value, type);
      case TEXT:
        return TextForm.cast(value);
      case VARCHAR:
        return truncate(TextForm.cast(value), type);
      case BOOLEAN:
        return bool(value, type);
      default:
        return OtherCasts.apply(value, type);
    }
  }

  private static BigDecimal numeric(Object value, SqlType type) {
    if (value instanceof Long || value instanceof BigDecimal) {
      return Numbers.decimal(value);
    }
    if (value instanceof Double number) {
      return fromFloat(number, DOUBLE_DIGITS, type);
    }
    if (value instanceof Float number) {
      return fromFloat(number.doubleValue(), REAL_DIGITS, type);
    }
    if (value instanceof String text) {
      return (BigDecimal) TextInput.parse(text, ValueKind.NUMERIC);
    }
    throw refuse(value, type);
  }

  private static BigDecimal fromFloat(double number, MathContext digits, SqlType type) {
    if (Double.isNaN(number) || Double.isInfinite(number)) {
      throw EvalErrors.unsupported("CAST of " + number + " to " + type.sql(),
          "special float values are not converted to numeric in memory");
    }
    BigDecimal rounded = new BigDecimal(number).round(digits).stripTrailingZeros();
    return rounded.scale() < 0 ? rounded.setScale(0, RoundingMode.UNNECESSARY) : rounded;
  }

  private static BigDecimal withTypmod(BigDecimal value, SqlType type) {
    if (type.precision().isEmpty()) {
      return value;
    }
    int precision = type.precision().getAsInt();
    int scale = type.scale().orElse(0);
    BigDecimal rounded = value.setScale(scale, RoundingMode.HALF_UP);
    if (rounded.abs().compareTo(BigDecimal.TEN.pow(precision - scale)) >= 0) {
      throw EvalErrors.dataError("numeric field overflow: a field with precision " + precision + ", scale "
          + scale + " must round to an absolute value less than 10^" + (precision - scale)
          + " (SQLSTATE 22003 in PostgreSQL)");
    }
    return rounded;
  }

  private static Float real(Object value, SqlType type) {
    if (Numbers.isNumber(value)) {
      return KindRules.toReal(value);
    }
    if (value instanceof String text) {
      return (Float) TextInput.parse(text, ValueKind.REAL);
    }
    throw refuse(value, type);
  }

  private static Double float8(Object value, SqlType type) {
    if (Numbers.isNumber(value)) {
      return Numbers.toDouble(value);
    }
    if (value instanceof String text) {
      return (Double) TextInput.parse(text, ValueKind.DOUBLE);
    }
    throw refuse(value, type);
  }

  private static String truncate(String text, SqlType type) {
    int length = type.precision().orElse(Integer.MAX_VALUE);
    if (text.codePointCount(0, text.length()) <= length) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, length));
  }

  private static Boolean bool(Object value, SqlType type) {
    if (value instanceof Boolean flag) {
      return flag;
    }
    if (value instanceof Long number) {
      return number != 0;
    }
    if (value instanceof String text) {
      return (Boolean) TextInput.parse(text, ValueKind.BOOLEAN);
    }
    throw refuse(value, type);
  }

  static RuntimeException refuse(Object value, SqlType type) {
    return EvalErrors.unsupported("CAST of a " + Values.typeName(value) + " value to " + type.sql(),
        "PostgreSQL has no such cast, or its result depends on session settings");
  }

  /** Casts to integer types. */
  private static final class IntegerCast {
    private IntegerCast() {}

    static Long apply(Object value, long min, long max, String name) {
      BigInteger whole = whole(value, name);
      if (whole.compareTo(BigInteger.valueOf(min)) < 0 || whole.compareTo(BigInteger.valueOf(max)) > 0) {
        throw EvalErrors.outOfRange(name);
      }
      return whole.longValue();
    }

    private static BigInteger whole(Object value, String name) {
      if (value instanceof Long number) {
        return BigInteger.valueOf(number);
      }
      if (value instanceof BigDecimal number) {
        return number.setScale(0, RoundingMode.HALF_UP).toBigIntegerExact();
      }
      if (Numbers.isFloating(value)) {
        double number = ((Number) value).doubleValue();
        if (Double.isNaN(number) || Double.isInfinite(number)) {
          throw EvalErrors.outOfRange(name);
        }
        return new BigDecimal(Math.rint(number)).toBigIntegerExact();
      }
      if (value instanceof String text) {
        return BigInteger.valueOf((Long) TextInput.parse(text, ValueKind.INTEGER));
      }
      if (value instanceof Boolean flag && name.equals("integer")) {
        return flag ? BigInteger.ONE : BigInteger.ZERO;
      }
      throw refuse(value, SqlType.of(CastTarget.INTEGER, name));
    }
  }

  /** Casts to dates, times, timestamps (not with time zone: the session decides), uuid and bytea. */
  private static final class OtherCasts {
    private OtherCasts() {}

    static Object apply(Object value, SqlType type) {
      ValueKind kind = type.kind();
      if (ValueKind.of(value) == kind) {
        return value;
      }
      if (value instanceof String text && kind != ValueKind.TIMESTAMPTZ && kind != ValueKind.BYTEA) {
        return TextInput.parse(text, kind);
      }
      if (value instanceof LocalDateTime timestamp && kind == ValueKind.DATE) {
        return timestamp.toLocalDate();
      }
      if (value instanceof LocalDateTime timestamp && kind == ValueKind.TIME) {
        return timestamp.toLocalTime();
      }
      if (value instanceof LocalDate date && kind == ValueKind.TIMESTAMP) {
        return date.atStartOfDay();
      }
      throw refuse(value, type);
    }
  }
}
