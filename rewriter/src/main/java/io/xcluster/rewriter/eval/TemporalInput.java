package io.xcluster.rewriter.eval;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates, times and timestamps read from text in ISO 8601 form only ({@code 2024-01-31},
 * {@code 2024-01-31 10:15[:30[.123456]]} with a space or {@code T}, {@code 10:15[:30[.123456]]}).
 * PostgreSQL reads many more forms, some depending on DateStyle; those, more than six fractional digits
 * (which PostgreSQL rounds), years before 1 and impossible fields are refused.
 */
final class TemporalInput {
  private static final String DATE = "(\\d{4})-(\\d{2})-(\\d{2})";
  private static final String TIME = "(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,6}))?)?";
  private static final Pattern DATE_ONLY = Pattern.compile(DATE);
  private static final Pattern TIME_ONLY = Pattern.compile(TIME);
  private static final Pattern TIMESTAMP = Pattern.compile(DATE + "(?:[ T]" + TIME + ")?");
  private static final int TIME_GROUP = 4;
  private static final int MICRO_DIGITS = 6;
  private static final int NANOS_PER_MICRO = 1000;

  private TemporalInput() {}

  static Object parse(String text, ValueKind kind) {
    Pattern pattern = kind == ValueKind.DATE ? DATE_ONLY : kind == ValueKind.TIME ? TIME_ONLY : TIMESTAMP;
    Matcher matcher = pattern.matcher(text);
    if (!matcher.matches()) {
      throw refuse(text, kind, "only ISO 8601 text (YYYY-MM-DD, HH:MM[:SS[.ffffff]]) is read in memory");
    }
    try {
      if (kind == ValueKind.TIME) {
        return time(matcher, 1);
      }
      LocalDate date = date(matcher);
      if (kind == ValueKind.DATE) {
        return date;
      }
      return matcher.group(TIME_GROUP) == null ? date.atStartOfDay()
          : LocalDateTime.of(date, time(matcher, TIME_GROUP));
    } catch (DateTimeException invalid) {
      throw refuse(text, kind, invalid.getMessage());
    }
  }

  private static LocalDate date(Matcher matcher) {
    int year = Integer.parseInt(matcher.group(1));
    if (year < 1) {
      throw new DateTimeException("year 0 does not exist in PostgreSQL");
    }
    return LocalDate.of(year, Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)));
  }

  private static LocalTime time(Matcher matcher, int first) {
    String seconds = matcher.group(first + 2);
    String fraction = matcher.group(first + 3);
    int nanos = fraction == null ? 0
        : Integer.parseInt((fraction + "00000").substring(0, MICRO_DIGITS)) * NANOS_PER_MICRO;
    return LocalTime.of(Integer.parseInt(matcher.group(first)), Integer.parseInt(matcher.group(first + 1)),
        seconds == null ? 0 : Integer.parseInt(seconds), nanos);
  }

  private static RuntimeException refuse(String text, ValueKind kind, String reason) {
    return EvalErrors.unsupported("reading the string '" + text + "' as " + kind.sqlName(), reason);
  }
}
