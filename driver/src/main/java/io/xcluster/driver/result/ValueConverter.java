package io.xcluster.driver.result;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Calendar;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Turns a stored value (what a cluster's driver returned from {@code getObject}, {@code null} for
 * SQL NULL) into what a ResultSet getter asks for, with the usual JDBC conversions. {@code column}
 * is the label for error messages, which name the label, the stored Java type and the type asked
 * for, never the value. A NULL gives {@code null}, or 0/false for primitives.
 *
 * <ul>
 *   <li>Integers ({@code getByte} to {@code getLong}) from any number, truncating fractions toward
 *       zero as pgjdbc and Connector-J do; from numeric strings; from booleans as 1/0. Out of
 *       range, NaN or infinite: SQLState 22003.
 *   <li>{@code getBoolean}: numbers are true unless zero; strings {@code true t yes y on 1} and
 *       {@code false f no n off 0} in any case, or any other number.
 *   <li>{@code getBigDecimal} is exact from integers and strings; a {@code Double} or {@code Float}
 *       gives its shortest decimal form ({@code BigDecimal.valueOf}), as a driver parsing the
 *       column's text would.
 *   <li>{@code getBytes}: a copy of a {@code byte[]}, else the UTF-8 bytes of {@code getString}, as
 *       both drivers give the bytes of a column's text.
 *   <li>{@code getString}: see {@link TextFormat}. Dates and times: see {@link
 *       TemporalConversions}.
 * </ul>
 *
 * Anything else that cannot be converted fails with SQLState 22018; {@code asObject} with a target
 * class it does not know (and the value is not already an instance of) with 0A000.
 */
public final class ValueConverter {
  private static final Map<Class<?>, Conversion> BY_CLASS =
      Map.ofEntries(
          Map.entry(String.class, ValueConverter::asString),
          Map.entry(Integer.class, (value, column) -> asInt(value, column)),
          Map.entry(Long.class, (value, column) -> asLong(value, column)),
          Map.entry(Short.class, (value, column) -> asShort(value, column)),
          Map.entry(Byte.class, (value, column) -> asByte(value, column)),
          Map.entry(Boolean.class, (value, column) -> asBoolean(value, column)),
          Map.entry(Double.class, (value, column) -> asDouble(value, column)),
          Map.entry(Float.class, (value, column) -> asFloat(value, column)),
          Map.entry(BigDecimal.class, ValueConverter::asBigDecimal),
          Map.entry(BigInteger.class, ValueConverter::asBigInteger),
          Map.entry(byte[].class, ValueConverter::asBytes),
          Map.entry(UUID.class, ValueConverter::asUuid),
          Map.entry(Date.class, (value, column) -> asDate(value, null, column)),
          Map.entry(Time.class, (value, column) -> asTime(value, null, column)),
          Map.entry(Timestamp.class, (value, column) -> asTimestamp(value, null, column)),
          Map.entry(LocalDate.class, TemporalConversions::toLocalDate),
          Map.entry(LocalTime.class, TemporalConversions::toLocalTime),
          Map.entry(LocalDateTime.class, TemporalConversions::toLocalDateTime),
          Map.entry(OffsetDateTime.class, TemporalConversions::toOffsetDateTime),
          Map.entry(Instant.class, TemporalConversions::toInstant),
          Map.entry(Object.class, (value, column) -> copyOf(value)));

  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  private ValueConverter() {}

  /** One {@link #asObject} target: {@code value} is never null. */
  private interface Conversion {
    Object convert(Object value, String column) throws SQLException;
  }

  /**
   * The value {@code getObject(column)} returns: the stored object itself, or a copy when it is
   * mutable ({@code byte[]}, {@code java.util.Date} and the {@code java.sql} dates), so that a
   * caller cannot change a row another call will read.
   */
  public static Object copyOf(Object value) {
    if (value instanceof byte[] bytes) {
      return bytes.clone();
    } else if (value instanceof java.util.Date date) {
      return date.clone();
    }
    return value;
  }

  public static String asString(Object value, String column) {
    return value == null ? null : TextFormat.of(value);
  }

  public static boolean asBoolean(Object value, String column) throws SQLException {
    if (value == null) {
      return false;
    } else if (value instanceof Boolean flag) {
      return flag;
    } else if (value instanceof String text) {
      return booleanText(text, value, column);
    } else if (value instanceof Number) {
      return number(value, column, "boolean").signum() != 0;
    }
    throw ResultErrors.cannotConvert(column, value, "boolean");
  }

  public static byte asByte(Object value, String column) throws SQLException {
    return (byte) integral(value, column, Byte.MIN_VALUE, Byte.MAX_VALUE, "byte");
  }

  public static short asShort(Object value, String column) throws SQLException {
    return (short) integral(value, column, Short.MIN_VALUE, Short.MAX_VALUE, "short");
  }

  public static int asInt(Object value, String column) throws SQLException {
    return (int) integral(value, column, Integer.MIN_VALUE, Integer.MAX_VALUE, "int");
  }

  public static long asLong(Object value, String column) throws SQLException {
    return integral(value, column, Long.MIN_VALUE, Long.MAX_VALUE, "long");
  }

  public static float asFloat(Object value, String column) throws SQLException {
    if (value instanceof Float number) {
      return number;
    }
    double wide = asDouble(value, column);
    if (Double.isFinite(wide) && Math.abs(wide) > Float.MAX_VALUE) {
      throw ResultErrors.outOfRange(column, value, "float");
    }
    return (float) wide;
  }

  public static double asDouble(Object value, String column) throws SQLException {
    if (value == null) {
      return 0;
    } else if (value instanceof Double number) {
      return number;
    } else if (value instanceof Float number) {
      return Double.parseDouble(Float.toString(number)); // 1.1f gives 1.1, as its text would
    } else if (value instanceof Boolean flag) {
      return flag ? 1 : 0;
    } else if (value instanceof String text) {
      return parseDouble(text, value, column, "double");
    } else if (value instanceof Number number) {
      return number.doubleValue();
    }
    throw ResultErrors.cannotConvert(column, value, "double");
  }

  public static BigDecimal asBigDecimal(Object value, String column) throws SQLException {
    return value == null ? null : number(value, column, BigDecimal.class.getName());
  }

  /** The deprecated {@code getBigDecimal(column, scale)}: rounded half up to {@code scale}. */
  public static BigDecimal asBigDecimal(Object value, int scale, String column)
      throws SQLException {
    if (scale < 0) {
      throw ResultErrors.invalidArgument("scale must not be negative but was " + scale);
    }
    BigDecimal decimal = asBigDecimal(value, column);
    return decimal == null ? null : decimal.setScale(scale, RoundingMode.HALF_UP);
  }

  public static BigInteger asBigInteger(Object value, String column) throws SQLException {
    if (value == null) {
      return null;
    } else if (value instanceof BigInteger number) {
      return number;
    }
    return number(value, column, BigInteger.class.getName()).toBigInteger();
  }

  public static byte[] asBytes(Object value, String column) {
    if (value == null) {
      return null;
    } else if (value instanceof byte[] bytes) {
      return bytes.clone();
    }
    return TextFormat.of(value).getBytes(StandardCharsets.UTF_8);
  }

  public static UUID asUuid(Object value, String column) throws SQLException {
    if (value == null || value instanceof UUID) {
      return (UUID) value;
    } else if (value instanceof String text) {
      try {
        return UUID.fromString(text.strip());
      } catch (IllegalArgumentException notUuid) {
        throw ResultErrors.cannotConvert(column, value, UUID.class.getName());
      }
    }
    throw ResultErrors.cannotConvert(column, value, UUID.class.getName());
  }

  /** {@code getDate}; {@code calendar} (may be null) names the zone of a wall-clock value. */
  public static Date asDate(Object value, Calendar calendar, String column) throws SQLException {
    return value == null ? null : TemporalConversions.toDate(value, zone(calendar), column);
  }

  public static Time asTime(Object value, Calendar calendar, String column) throws SQLException {
    return value == null ? null : TemporalConversions.toTime(value, zone(calendar), column);
  }

  public static Timestamp asTimestamp(Object value, Calendar calendar, String column)
      throws SQLException {
    return value == null ? null : TemporalConversions.toTimestamp(value, zone(calendar), column);
  }

  /**
   * {@code getObject(column, type)}: one of the classes listed in the ResultSet's documentation, or
   * any class the stored value already is an instance of.
   */
  public static <T> T asObject(Object value, Class<T> type, String column) throws SQLException {
    if (type == null) {
      throw ResultErrors.invalidArgument("getObject needs a target class but was given null");
    }
    Conversion conversion = BY_CLASS.get(type);
    if (conversion == null && !type.isInstance(value) && value != null) {
      throw ResultErrors.unsupportedTarget(column, type);
    }
    if (value == null) {
      return null;
    }
    return type.cast(conversion == null ? value : conversion.convert(value, column));
  }

  private static ZoneId zone(Calendar calendar) {
    return calendar == null ? null : calendar.getTimeZone().toZoneId();
  }

  private static long integral(Object value, String column, long min, long max, String target)
      throws SQLException {
    if (value == null) {
      return 0;
    }
    long result;
    if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte) {
      result = ((Number) value).longValue();
    } else {
      BigDecimal truncated = number(value, column, target).setScale(0, RoundingMode.DOWN);
      if (truncated.compareTo(LONG_MIN) < 0 || truncated.compareTo(LONG_MAX) > 0) {
        throw ResultErrors.outOfRange(column, value, target);
      }
      result = truncated.longValueExact();
    }
    if (result < min || result > max) {
      throw ResultErrors.outOfRange(column, value, target);
    }
    return result;
  }

  /** Any number-like value as an exact decimal; never null. */
  private static BigDecimal number(Object value, String column, String target) throws SQLException {
    if (value instanceof BigDecimal decimal) {
      return decimal;
    } else if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte) {
      return BigDecimal.valueOf(((Number) value).longValue());
    } else if (value instanceof BigInteger number) {
      return new BigDecimal(number);
    } else if (value instanceof Double || value instanceof Float) {
      double number = asDouble(value, column);
      if (!Double.isFinite(number)) {
        throw ResultErrors.outOfRange(column, value, target);
      }
      return BigDecimal.valueOf(number);
    } else if (value instanceof Boolean flag) {
      return flag ? BigDecimal.ONE : BigDecimal.ZERO;
    } else if (value instanceof String text) {
      return parseDecimal(text, value, column, target);
    }
    throw ResultErrors.cannotConvert(column, value, target);
  }

  private static BigDecimal parseDecimal(String text, Object value, String column, String target)
      throws SQLException {
    try {
      return new BigDecimal(text.strip());
    } catch (NumberFormatException notDecimal) {
      if (Double.isFinite(parseDouble(text, value, column, target))) {
        throw ResultErrors.cannotConvert(column, value, target);
      }
      throw ResultErrors.outOfRange(column, value, target); // NaN, Infinity
    }
  }

  private static double parseDouble(String text, Object value, String column, String target)
      throws SQLException {
    try {
      return Double.parseDouble(text.strip());
    } catch (NumberFormatException notNumeric) {
      throw ResultErrors.cannotConvert(column, value, target);
    }
  }

  private static boolean booleanText(String text, Object value, String column) throws SQLException {
    switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "true", "t", "yes", "y", "on", "1":
        return true;
      case "false", "f", "no", "n", "off", "0":
        return false;
      default:
        try {
          return new BigDecimal(text.strip()).signum() != 0;
        } catch (NumberFormatException notNumeric) {
          throw ResultErrors.cannotConvert(column, value, "boolean");
        }
    }
  }
}
