package io.xcluster.driver.result;

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
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;

/**
 * Date and time conversions for {@link ValueConverter}.
 *
 * <p>Stored values are of two kinds. <em>Wall-clock</em> values have no zone: {@code
 * LocalDate/LocalTime/LocalDateTime} and the {@code java.sql} types, whose wall clock is read in
 * the JVM's default zone, as the drivers that created them wrote it. <em>Absolute</em> values name
 * an instant: {@code OffsetDateTime}, {@code ZonedDateTime}, {@code Instant} and plain {@code
 * java.util.Date}. A {@code Calendar} argument says in which zone to read a wall clock (as for a
 * {@code timestamp without time zone} column); absolute values ignore it except to pick the date or
 * time of day. Strings in ISO or SQL form ({@code 2024-01-31 13:45:00.5+01}) are parsed first.
 *
 * <p>As in pgjdbc and Connector-J, a date reads as midnight of that day and a time as that time on
 * 1970-01-01, so every temporal value converts to every temporal target. A wall clock becomes an
 * instant ({@code Instant}, {@code OffsetDateTime}) in the JVM's default zone, as {@code
 * Timestamp.toInstant} does.
 */
final class TemporalConversions {
  private static final DateTimeFormatter OFFSET_DATE_TIME =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .appendOffset("+HH:mm", "Z")
          .toFormatter();

  private TemporalConversions() {}

  static Timestamp toTimestamp(Object value, ZoneId zone, String column) throws SQLException {
    Object parsed = parsed(value, column, Timestamp.class);
    if (parsed instanceof Timestamp timestamp && zone == null) {
      Timestamp copy = new Timestamp(timestamp.getTime());
      copy.setNanos(timestamp.getNanos());
      return copy;
    }
    Instant instant = absolute(parsed);
    if (instant != null) {
      return Timestamp.from(instant);
    }
    LocalDateTime wall = require(wallDateTime(parsed), column, value, Timestamp.class);
    return zone == null ? Timestamp.valueOf(wall) : Timestamp.from(wall.atZone(zone).toInstant());
  }

  static Date toDate(Object value, ZoneId zone, String column) throws SQLException {
    Object parsed = parsed(value, column, Date.class);
    if (parsed instanceof Date date && zone == null) {
      return new Date(date.getTime());
    }
    LocalDate date = require(localDateTime(parsed, zone), column, value, Date.class).toLocalDate();
    return zone == null
        ? Date.valueOf(date)
        : new Date(date.atStartOfDay(zone).toInstant().toEpochMilli());
  }

  static Time toTime(Object value, ZoneId zone, String column) throws SQLException {
    Object parsed = parsed(value, column, Time.class);
    if (parsed instanceof Time time && zone == null) {
      return new Time(time.getTime());
    }
    LocalTime time = require(localDateTime(parsed, zone), column, value, Time.class).toLocalTime();
    LocalDateTime onEpochDay = LocalDate.EPOCH.atTime(time);
    return new Time(
        zone == null
            ? Timestamp.valueOf(onEpochDay).getTime()
            : onEpochDay.atZone(zone).toInstant().toEpochMilli());
  }

  static LocalDate toLocalDate(Object value, String column) throws SQLException {
    return toLocalDateTime(value, column, LocalDate.class).toLocalDate();
  }

  static LocalTime toLocalTime(Object value, String column) throws SQLException {
    return toLocalDateTime(value, column, LocalTime.class).toLocalTime();
  }

  static LocalDateTime toLocalDateTime(Object value, String column) throws SQLException {
    return toLocalDateTime(value, column, LocalDateTime.class);
  }

  static OffsetDateTime toOffsetDateTime(Object value, String column) throws SQLException {
    Object parsed = parsed(value, column, OffsetDateTime.class);
    if (parsed instanceof OffsetDateTime dateTime) {
      return dateTime;
    } else if (parsed instanceof ZonedDateTime dateTime) {
      return dateTime.toOffsetDateTime();
    }
    return OffsetDateTime.ofInstant(
        instant(parsed, column, value, OffsetDateTime.class), ZoneId.systemDefault());
  }

  static Instant toInstant(Object value, String column) throws SQLException {
    return instant(parsed(value, column, Instant.class), column, value, Instant.class);
  }

  /**
   * The wall-clock time of a {@code java.sql.Time}, milliseconds kept ({@code toLocalTime} drops
   * them).
   */
  static LocalTime wallTime(Time time) {
    return Instant.ofEpochMilli(time.getTime()).atZone(ZoneId.systemDefault()).toLocalTime();
  }

  private static LocalDateTime toLocalDateTime(Object value, String column, Class<?> target)
      throws SQLException {
    return require(localDateTime(parsed(value, column, target), null), column, value, target);
  }

  private static Instant instant(Object parsed, String column, Object value, Class<?> target)
      throws SQLException {
    Instant instant = absolute(parsed);
    if (instant != null) {
      return instant;
    }
    return require(wallDateTime(parsed), column, value, target)
        .atZone(ZoneId.systemDefault())
        .toInstant();
  }

  private static Instant absolute(Object value) {
    if (value instanceof Instant instant) {
      return instant;
    } else if (value instanceof OffsetDateTime dateTime) {
      return dateTime.toInstant();
    } else if (value instanceof ZonedDateTime dateTime) {
      return dateTime.toInstant();
    } else if (value instanceof java.util.Date date && !isSqlTemporal(date)) {
      return date.toInstant();
    }
    return null;
  }

  private static boolean isSqlTemporal(java.util.Date date) {
    return date instanceof Timestamp || date instanceof Date || date instanceof Time;
  }

  /** The wall clock of a zone-less value: dates at midnight, times on 1970-01-01; else null. */
  private static LocalDateTime wallDateTime(Object value) {
    if (value instanceof Timestamp timestamp) {
      return timestamp.toLocalDateTime();
    } else if (value instanceof LocalDateTime dateTime) {
      return dateTime;
    } else if (value instanceof Date date) {
      return date.toLocalDate().atStartOfDay();
    } else if (value instanceof LocalDate date) {
      return date.atStartOfDay();
    } else if (value instanceof Time time) {
      return LocalDate.EPOCH.atTime(wallTime(time));
    } else if (value instanceof LocalTime time) {
      return LocalDate.EPOCH.atTime(time);
    }
    return null;
  }

  /** Any temporal value's wall clock, absolute ones read in {@code zone} (default if null). */
  private static LocalDateTime localDateTime(Object value, ZoneId zone) {
    Instant instant = absolute(value);
    return instant != null
        ? LocalDateTime.ofInstant(instant, orDefault(zone))
        : wallDateTime(value);
  }

  /** Strings become the java.time value they spell; anything else is returned as it is. */
  private static Object parsed(Object value, String column, Class<?> target) throws SQLException {
    if (!(value instanceof String text)) {
      return value;
    }
    String iso = text.strip();
    if (iso.length() > 10 && iso.charAt(10) == ' ') {
      iso = iso.substring(0, 10) + 'T' + iso.substring(11);
    }
    try {
      if (iso.indexOf('T') < 0) {
        return iso.indexOf(':') < 0 ? LocalDate.parse(iso) : LocalTime.parse(iso);
      }
      boolean hasOffset =
          iso.lastIndexOf('+') > 10 || iso.lastIndexOf('-') > 10 || iso.endsWith("Z");
      return hasOffset ? OffsetDateTime.parse(iso, OFFSET_DATE_TIME) : LocalDateTime.parse(iso);
    } catch (DateTimeParseException notTemporal) {
      throw ResultErrors.cannotConvert(column, value, target.getName());
    }
  }

  private static <T> T require(T converted, String column, Object value, Class<?> target)
      throws SQLException {
    if (converted == null) {
      throw ResultErrors.cannotConvert(column, value, target.getName());
    }
    return converted;
  }

  private static ZoneId orDefault(ZoneId zone) {
    return zone == null ? ZoneId.systemDefault() : zone;
  }
}
