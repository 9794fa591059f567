package io.xcluster.driver.differential;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns {@code getObject} values of any driver into values that are {@code equals} exactly when the
 * databases mean the same value, so that rows can be compared and hashed.
 *
 * <p>Every integral or decimal number becomes a {@link BigDecimal} without trailing zeros ({@code
 * Integer 1}, {@code Long 1} and {@code BigDecimal 1.00} are one value); {@link Timestamp}, {@link
 * Date} and {@link Time} become their {@code java.time} local counterparts (mysql-connector-j
 * already returns {@code LocalDateTime} for {@code DATETIME}); strings stay exact, since both
 * engines' test databases compare text by bytes.
 */
final class Values {
  private Values() {}

  /** The comparable form of a raw {@code getObject} value; {@code null} stays {@code null}. */
  static Object normalize(Object raw) {
    if (raw instanceof Integer
        || raw instanceof Long
        || raw instanceof Short
        || raw instanceof Byte) {
      return BigDecimal.valueOf(((Number) raw).longValue()).stripTrailingZeros();
    }
    if (raw instanceof BigDecimal decimal) {
      return decimal.stripTrailingZeros();
    }
    if (raw instanceof BigInteger integer) {
      return new BigDecimal(integer).stripTrailingZeros();
    }
    if (raw instanceof Double number && Double.isFinite(number)) {
      return BigDecimal.valueOf(number).stripTrailingZeros();
    }
    if (raw instanceof Float number && Float.isFinite(number)) {
      return new BigDecimal(Float.toString(number)).stripTrailingZeros();
    }
    if (raw instanceof Timestamp timestamp) {
      return timestamp.toLocalDateTime();
    }
    if (raw instanceof Date date) {
      return date.toLocalDate();
    }
    if (raw instanceof Time time) {
      return time.toLocalTime();
    }
    if (raw instanceof Character character) {
      return String.valueOf(character);
    }
    if (raw instanceof byte[] bytes) {
      return new Bytes(HexFormat.of().formatHex(bytes));
    }
    return raw;
  }

  /** A normalised value as a diff shows it: strings quoted, numbers plain, {@code NULL} bare. */
  static String render(Object value) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof String text) {
      return "'" + text.replace("'", "''") + "'";
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    return value.toString();
  }

  /** A row as a diff shows it: {@code (1, 'alice', NULL)}. */
  static String render(List<Object> row) {
    return row.stream().map(Values::render).collect(Collectors.joining(", ", "(", ")"));
  }

  /** Binary values, compared by content rather than by array identity. */
  record Bytes(String hex) {
    @Override
    public String toString() {
      return "0x" + hex;
    }
  }
}
