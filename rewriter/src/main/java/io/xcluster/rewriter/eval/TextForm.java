package io.xcluster.rewriter.eval;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.UUID;

/**
 * Values rendered as PostgreSQL renders them as text (DateStyle ISO, the default).
 *
 * <p>PostgreSQL has two renderings that differ only for booleans: a cast to text (used by {@code ||} and
 * {@code CAST(x AS text)}) gives {@code true}/{@code false}, the output function (used by {@code CONCAT})
 * gives {@code t}/{@code f}. Floating-point values are refused: PostgreSQL prints the shortest exact
 * representation ({@code 1e+20}, {@code 0.30000000000000004}) and Java 17's {@code Double.toString} neither
 * uses the same format nor always the shortest digits. Timestamps with time zone are refused because their
 * text depends on the session's time zone; byte strings because their text depends on {@code bytea_output}.
 */
final class TextForm {
  private static final int MAX_ISO_YEAR = 9999;
  private static final int NANOS_PER_MICRO = 1000;

  private TextForm() {}

  /** The text of {@code CAST(value AS text)}. */
  static String cast(Object value) {
    if (value instanceof Boolean flag) {
      return flag ? "true" : "false";
    }
    return common(value);
  }

  /** The text of PostgreSQL's output function, as {@code CONCAT} uses it. */
  static String output(Object value) {
    if (value instanceof Boolean flag) {
      return flag ? "t" : "f";
    }
    return common(value);
  }

  private static String common(Object value) {
    if (value instanceof String text) {
      return text;
    }
    if (value instanceof Long number) {
      return number.toString();
    }
    if (value instanceof BigDecimal number) {
      return number.toPlainString();
    }
    if (value instanceof UUID uuid) {
      return uuid.toString();
    }
    if (value instanceof LocalDate date) {
      return date(date);
    }
    if (value instanceof LocalTime time) {
      return time(time);
    }
    if (value instanceof LocalDateTime timestamp) {
      return date(timestamp.toLocalDate()) + " " + time(timestamp.toLocalTime());
    }
    throw EvalErrors.unsupported("converting a " + Values.typeName(value) + " value to text",
        "PostgreSQL's text form of this type differs from Java's or depends on session settings");
  }

  private static String date(LocalDate date) {
    if (date.getYear() < 1 || date.getYear() > MAX_ISO_YEAR) {
      throw EvalErrors.unsupported("converting the date " + date + " to text",
          "PostgreSQL writes years outside 1..9999 differently (BC suffix, more digits)");
    }
    return date.toString();
  }

  private static String time(LocalTime time) {
    if (time.getNano() % NANOS_PER_MICRO != 0) {
      throw EvalErrors.unsupported("converting the time " + time + " to text",
          "PostgreSQL keeps microseconds and this value has nanoseconds");
    }
    String whole = String.format(java.util.Locale.ROOT, "%02d:%02d:%02d",
        time.getHour(), time.getMinute(), time.getSecond());
    if (time.getNano() == 0) {
      return whole;
    }
    String micros = String.format(java.util.Locale.ROOT, "%06d", time.getNano() / NANOS_PER_MICRO);
    return whole + "." + micros.replaceAll("0+$", "");
  }
}
