package io.xcluster.driver.result;

import java.math.BigDecimal;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The text {@code getString} gives for values that are not strings. The forms follow PostgreSQL's
 * output functions, which pgjdbc passes through unchanged, so that a result merged from PostgreSQL
 * clusters prints as PostgreSQL would print it:
 *
 * <ul>
 *   <li>{@code BigDecimal}: plain digits, never an exponent, scale kept ({@code 12.50}).
 *   <li>{@code Double}/{@code Float}: the shortest digits that read back to the same value, plain
 *       notation ({@code 1}, {@code 2.5}) unless the decimal exponent is below -4 or at least 15 (6
 *       for {@code Float}), then {@code 1.5e+20}; {@code NaN}, {@code Infinity}, {@code -Infinity}.
 *   <li>{@code byte[]}: PostgreSQL's {@code bytea} hex form, {@code \x} and two lower-case digits a
 *       byte. (Connector-J decodes the bytes as characters instead, which loses data.)
 *   <li>Dates {@code 2024-01-31}; times {@code 13:45:00} with the fraction's trailing zeros cut and
 *       no fraction at all when it is zero (so unlike {@code Timestamp.toString}, no {@code .0});
 *       date-times joined by a space; offsets {@code +00}, {@code +05:30}.
 *   <li>{@code Boolean}: {@code true}/{@code false}, because a Boolean no longer says which
 *       database it came from (pgjdbc gives {@code t}/{@code f}, Connector-J {@code 1}/{@code 0}).
 *   <li>Anything else: {@code toString()}.
 * </ul>
 */
final class TextFormat {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final int DOUBLE_DIGITS = 15;
  private static final int FLOAT_DIGITS = 6;

  private TextFormat() {}

  static String of(Object value) {
    if (value instanceof String text) {
      return text;
    } else if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    } else if (value instanceof Double number) {
      return floating(number, Double.toString(number), DOUBLE_DIGITS);
    } else if (value instanceof Float number) {
      return floating(number, Float.toString(number), FLOAT_DIGITS);
    } else if (value instanceof byte[] bytes) {
      return hex(bytes);
    }
    return temporal(value);
  }

  private static String temporal(Object value) {
    if (value instanceof Timestamp timestamp) {
      return dateTime(timestamp.toLocalDateTime());
    } else if (value instanceof Time time) {
      return time(TemporalConversions.wallTime(time));
    } else if (value instanceof LocalDateTime dateTime) {
      return dateTime(dateTime);
    } else if (value instanceof LocalTime time) {
      return time(time);
    } else if (value instanceof OffsetDateTime dateTime) {
      return dateTime(dateTime.toLocalDateTime()) + offset(dateTime.getOffset());
    } else if (value instanceof ZonedDateTime dateTime) {
      return dateTime(dateTime.toLocalDateTime()) + offset(dateTime.getOffset());
    } else if (value instanceof Instant instant) {
      return dateTime(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)) + "+00";
    } else if (value instanceof LocalDate date) {
      return date.toString();
    }
    return value.toString(); // java.sql.Date prints yyyy-mm-dd already
  }

  static String hex(byte[] bytes) {
    char[] text = new char[2 + bytes.length * 2];
    text[0] = '\\';
    text[1] = 'x';
    for (int i = 0; i < bytes.length; i++) {
      text[2 + 2 * i] = HEX[(bytes[i] >> 4) & 0xf];
      text[3 + 2 * i] = HEX[bytes[i] & 0xf];
    }
    return new String(text);
  }

  /** {@code shortest} is Java's shortest round-trip form of the value, e.g. {@code 1.0E20}. */
  private static String floating(double value, String shortest, int digits) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return shortest;
    }
    BigDecimal decimal = new BigDecimal(shortest).stripTrailingZeros();
    if (decimal.signum() == 0) {
      return "0";
    }
    String unscaled = decimal.unscaledValue().abs().toString();
    int exponent = unscaled.length() - 1 - decimal.scale();
    if (exponent >= -4 && exponent < digits) {
      return decimal.toPlainString();
    }
    StringBuilder text = new StringBuilder(decimal.signum() < 0 ? "-" : "");
    text.append(unscaled.charAt(0));
    if (unscaled.length() > 1) {
      text.append('.').append(unscaled, 1, unscaled.length());
    }
    text.append('e').append(exponent < 0 ? '-' : '+');
    int magnitude = Math.abs(exponent);
    return text.append(magnitude < 10 ? "0" : "").append(magnitude).toString();
  }

  private static String dateTime(LocalDateTime dateTime) {
    return dateTime.toLocalDate() + " " + time(dateTime.toLocalTime());
  }

  private static String time(LocalTime time) {
    StringBuilder text = new StringBuilder(15);
    twoDigits(text, time.getHour()).append(':');
    twoDigits(text, time.getMinute()).append(':');
    twoDigits(text, time.getSecond());
    int nanos = time.getNano();
    if (nanos != 0) {
      String fraction = Integer.toString(1_000_000_000 + nanos).substring(1);
      int end = fraction.length();
      while (fraction.charAt(end - 1) == '0') {
        end--;
      }
      text.append('.').append(fraction, 0, end);
    }
    return text.toString();
  }

  private static String offset(ZoneOffset offset) {
    int seconds = offset.getTotalSeconds();
    StringBuilder text = new StringBuilder(seconds < 0 ? "-" : "+");
    int magnitude = Math.abs(seconds);
    twoDigits(text, magnitude / 3600);
    if (magnitude % 3600 != 0) {
      twoDigits(text.append(':'), magnitude / 60 % 60);
    }
    if (magnitude % 60 != 0) {
      twoDigits(text.append(':'), magnitude % 60);
    }
    return text.toString();
  }

  private static StringBuilder twoDigits(StringBuilder text, int value) {
    return text.append(value < 10 ? "0" : "").append(value);
  }
}
