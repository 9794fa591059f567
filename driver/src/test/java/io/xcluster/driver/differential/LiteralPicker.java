package io.xcluster.driver.differential;

import io.xcluster.testing.ColumnType;
import io.xcluster.testing.FixtureColumn;
import io.xcluster.testing.FixtureData;
import io.xcluster.testing.FixtureTable;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Draws literals from the loaded data, so that generated filters keep some rows and drop others,
 * and prints them either inline or as {@code ?} parameters. Timestamps are truncated to seconds so
 * that no driver's handling of fractions can matter.
 */
final class LiteralPicker {
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

  private final FixtureData data;
  private final Random random;
  private final boolean asParameters;

  LiteralPicker(FixtureData data, Random random, boolean asParameters) {
    this.data = data;
    this.random = random;
    this.asParameters = asParameters;
  }

  /**
   * A value of {@code column} from a random row (a numeric one sometimes nudged by up to 2 so that
   * boundaries fall between rows), never {@code null}.
   */
  Object value(FixtureTable table, FixtureColumn column) {
    int index = table.columns().indexOf(column);
    List<List<Object>> rows = data.rows(table);
    for (int attempt = 0; attempt < 8; attempt++) {
      Object value = rows.get(random.nextInt(rows.size())).get(index);
      if (value != null) {
        return nudge(value);
      }
    }
    return fallback(column.type());
  }

  private Object nudge(Object value) {
    if (random.nextInt(4) != 0) {
      return value instanceof LocalDateTime time ? time.truncatedTo(ChronoUnit.SECONDS) : value;
    }
    int delta = random.nextInt(5) - 2;
    if (value instanceof Long number) {
      return number + delta;
    }
    if (value instanceof Integer number) {
      return number + delta;
    }
    if (value instanceof LocalDateTime time) {
      return time.truncatedTo(ChronoUnit.SECONDS).plusDays(delta);
    }
    return value;
  }

  private static Object fallback(ColumnType type) {
    return switch (type) {
      case KEY -> 1L;
      case INT -> 10;
      case TEXT -> "a";
      case TIMESTAMP -> LocalDateTime.of(2024, 6, 1, 0, 0);
    };
  }

  /** {@code value} as an inline literal or, in parameter mode, as a bound {@code ?}. */
  SqlFragment literal(Object value) {
    return asParameters ? SqlFragment.param(value) : SqlFragment.of(inline(value));
  }

  /** A LIKE pattern from a value of {@code column}: a prefix or an infix, with {@code %}. */
  SqlFragment pattern(FixtureTable table, FixtureColumn column) {
    String text = String.valueOf(value(table, column));
    int start = random.nextInt(Math.max(1, text.length() - 1));
    int length = 1 + random.nextInt(Math.min(4, text.length() - start));
    String pattern =
        random.nextBoolean()
            ? text.substring(0, length) + "%"
            : "%" + text.substring(start, start + length) + "%";
    return literal(pattern);
  }

  /** SQL text of a literal: numbers plain, strings quoted, timestamps typed. */
  static String inline(Object value) {
    if (value instanceof String text) {
      return "'" + text.replace("'", "''") + "'";
    }
    if (value instanceof LocalDateTime time) {
      return "TIMESTAMP '" + TIMESTAMP.format(time) + "'";
    }
    return String.valueOf(value);
  }
}
