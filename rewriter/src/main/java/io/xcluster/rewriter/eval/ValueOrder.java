package io.xcluster.rewriter.eval;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;

/**
 * The order PostgreSQL gives two non-null values, for comparisons and sorting; pairs it cannot compare
 * (text with a number, a timestamp with one with time zone) are refused, never guessed.
 *
 * <ul>
 *   <li>Numbers by value across Long, BigDecimal, Float and Double ({@link Numbers#compare}).
 *   <li>Text by Unicode code point, which is PostgreSQL's order under the {@code C} and {@code C.UTF-8}
 *       collations (Java's {@code compareTo} compares UTF-16 units and differs above U+FFFF). Equality is
 *       exact, which is also what PostgreSQL's deterministic collations give. Other collations (en_US,
 *       ICU, MySQL's case-insensitive defaults) order and compare differently: deciding whether a text
 *       comparison may run in memory at all is the planner's job (PITFALLS.md, "String equality is the
 *       database's"). {@code char(n)} values, whose trailing spaces PostgreSQL ignores, are not
 *       distinguishable from text here and are the planner's job too.
 *   <li>A date with a timestamp as that date at midnight, as PostgreSQL does.
 *   <li>Timestamps with time zone by instant; UUIDs and byte strings by unsigned bytes, as PostgreSQL does
 *       (Java's {@code UUID.compareTo} compares signed longs and differs).
 * </ul>
 */
final class ValueOrder {
  private ValueOrder() {}

  static int compare(Object left, Object right) {
    if (Numbers.isNumber(left) && Numbers.isNumber(right)) {
      return Numbers.compare(left, right);
    }
    if (left instanceof String x && right instanceof String y) {
      return compareCodePoints(x, y);
    }
    if (left instanceof Boolean x && right instanceof Boolean y) {
      return Boolean.compare(x, y);
    }
    if (isDateOrTimestamp(left) && isDateOrTimestamp(right)) {
      return asTimestamp(left).compareTo(asTimestamp(right));
    }
    return compareOthers(left, right);
  }

  private static int compareOthers(Object left, Object right) {
    if (left instanceof LocalTime x && right instanceof LocalTime y) {
      return x.compareTo(y);
    }
    if (left instanceof OffsetDateTime x && right instanceof OffsetDateTime y) {
      return x.toInstant().compareTo(y.toInstant());
    }
    if (left instanceof UUID x && right instanceof UUID y) {
      int high = Long.compareUnsigned(x.getMostSignificantBits(), y.getMostSignificantBits());
      return high != 0 ? high : Long.compareUnsigned(x.getLeastSignificantBits(), y.getLeastSignificantBits());
    }
    if (left instanceof byte[] x && right instanceof byte[] y) {
      return Arrays.compareUnsigned(x, y);
    }
    throw incomparable(left, right);
  }

  static RuntimeException incomparable(Object left, Object right) {
    return EvalErrors.unsupported("comparing " + Values.typeName(left) + " with " + Values.typeName(right),
        "PostgreSQL has no such comparison (MySQL converts implicitly), so no answer can be both right");
  }

  /** Code point order: UTF-16 order except that supplementary characters sort after U+E000..U+FFFF. */
  static int compareCodePoints(String left, String right) {
    int length = Math.min(left.length(), right.length());
    for (int i = 0; i < length; i++) {
      char x = left.charAt(i);
      char y = right.charAt(i);
      if (x != y) {
        return fixUp(x) - fixUp(y);
      }
    }
    return left.length() - right.length();
  }

  /** Moves surrogates above U+E000..U+FFFF, so that char order becomes code point order. */
  private static int fixUp(char c) {
    if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
      return c + 0x2000;
    }
    return c >= 0xE000 ? c - 0x800 : c;
  }

  private static boolean isDateOrTimestamp(Object value) {
    return value instanceof LocalDate || value instanceof LocalDateTime;
  }

  private static LocalDateTime asTimestamp(Object value) {
    return value instanceof LocalDate date ? date.atStartOfDay() : (LocalDateTime) value;
  }
}
