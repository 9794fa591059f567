package io.xcluster.driver.exec;

import io.xcluster.rewriter.eval.JoinKey;
import java.sql.Time;
import java.sql.Timestamp;

/**
 * Values read from clusters' drivers, made comparable as the databases compare them. The evaluator's
 * {@link JoinKey} does the comparing (numbers by value across Integer, Long and BigDecimal; temporal values by
 * value; strings exactly, as PostgreSQL's deterministic collations do); this adds the java.sql temporal types,
 * which the rewriter module does not know, converting them to java.time first.
 */
final class Keys {
  private Keys() {}

  /**
   * The join key at {@code slots} of {@code row}; null when any part is NULL, as such a key matches nothing.
   * A UUID takes its canonical text form, so that PostgreSQL's uuid matches MySQL's CHAR(36) of the same
   * (lower-case) text. A key of one column is the part itself ({@link JoinKey#ofPart}), with no wrapper to
   * allocate per row.
   */
  static Object of(Object[] row, int[] slots) {
    if (slots.length == 1) {
      Object value = row[slots[0]];
      return isCanonical(value) ? value : JoinKey.ofPart(joinable(value));
    }
    Object[] parts = new Object[slots.length];
    for (int i = 0; i < slots.length; i++) {
      parts[i] = joinable(row[slots[i]]);
    }
    return JoinKey.ofOwned(parts);
  }

  /**
   * Whether a value is a key part as it is: a Long or a String is its own canonical form in {@link JoinKey}
   * (and no java.sql type to convert), and they are the common keys, worth skipping the conversions for.
   */
  private static boolean isCanonical(Object value) {
    return value instanceof Long || value instanceof String;
  }

  private static Object joinable(Object jdbcValue) {
    Object value = jdbcToJava(jdbcValue);
    return value instanceof java.util.UUID uuid ? uuid.toString() : value;
  }

  /** The first {@code count} values as one DISTINCT key: NULLs equal each other here, as DISTINCT wants. */
  static Object grouping(Object[] row, int count) {
    if (count == 1) {
      return grouping(row[0]);
    }
    Object[] parts = new Object[count];
    for (int i = 0; i < count; i++) {
      parts[i] = jdbcToJava(row[i]);
    }
    return JoinKey.groupingOwned(parts);
  }

  /** The DISTINCT key of one value: as {@link #grouping(Object[], int)} of a one-value row. */
  static Object grouping(Object value) {
    return isCanonical(value) ? value : JoinKey.groupingPart(jdbcToJava(value));
  }

  /**
   * The row as the evaluator reads it: java.sql temporal values in their java.time form. The same array
   * when there is nothing to convert.
   */
  static Object[] forEvaluation(Object[] row) {
    Object[] converted = row;
    for (int i = 0; i < row.length; i++) {
      Object value = row[i];
      if (value instanceof java.util.Date) {
        if (converted == row) {
          converted = row.clone();
        }
        converted[i] = jdbcToJava(value);
      }
    }
    return converted;
  }

  /** The java.time form of a java.sql temporal value, which the evaluator (no java.sql) understands. */
  static Object jdbcToJava(Object value) {
    if (value instanceof Timestamp timestamp) {
      return timestamp.toLocalDateTime();
    }
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate();
    }
    if (value instanceof Time time) {
      return time.toLocalTime();
    }
    return value;
  }
}
