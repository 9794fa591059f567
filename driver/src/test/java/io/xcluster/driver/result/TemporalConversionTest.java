package io.xcluster.driver.result;

import static io.xcluster.driver.result.SqlAssertions.assertState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

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
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Dates and times through {@link ValueConverter}. Expectations are computed in the JVM's default
 * zone where the conversion uses it, so the tests hold in any zone.
 */
class TemporalConversionTest {
  private static final String COLUMN = "at";
  private static final LocalDateTime WALL = LocalDateTime.of(2024, 1, 31, 13, 45, 10, 123_456_789);
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private static Calendar calendar(ZoneId zone) {
    return Calendar.getInstance(TimeZone.getTimeZone(zone));
  }

  private static long epochMillis(LocalDateTime wall, ZoneId zone) {
    return wall.atZone(zone).toInstant().toEpochMilli();
  }

  // ---- getTimestamp ----

  @Test
  void timestampIsACopyKeepingNanoseconds() throws SQLException {
    Timestamp stored = Timestamp.valueOf(WALL);
    Timestamp read = ValueConverter.asTimestamp(stored, null, COLUMN);
    assertEquals(stored, read);
    assertEquals(123_456_789, read.getNanos());
    assertNotSame(stored, read);
  }

  @Test
  void timestampComesFromEveryWallClockValue() throws SQLException {
    assertEquals(Timestamp.valueOf(WALL), ValueConverter.asTimestamp(WALL, null, COLUMN));
    assertEquals(
        Timestamp.valueOf("2024-01-31 00:00:00"),
        ValueConverter.asTimestamp(LocalDate.of(2024, 1, 31), null, COLUMN));
    assertEquals(
        Timestamp.valueOf("2024-01-31 00:00:00"),
        ValueConverter.asTimestamp(Date.valueOf("2024-01-31"), null, COLUMN));
    assertEquals(
        Timestamp.valueOf("1970-01-01 13:45:10"),
        ValueConverter.asTimestamp(Time.valueOf("13:45:10"), null, COLUMN));
    assertEquals(
        Timestamp.valueOf("1970-01-01 13:45:10.5"),
        ValueConverter.asTimestamp(LocalTime.of(13, 45, 10, 500_000_000), null, COLUMN));
  }

  @Test
  void timestampFromAnAbsoluteValueIsThatInstant() throws SQLException {
    Instant instant = Instant.parse("2024-01-31T08:15:10.5Z");
    assertEquals(instant, ValueConverter.asTimestamp(instant, null, COLUMN).toInstant());
    assertEquals(
        instant,
        ValueConverter.asTimestamp(
                OffsetDateTime.parse("2024-01-31T13:45:10.5+05:30"), null, COLUMN)
            .toInstant());
    assertEquals(
        instant,
        ValueConverter.asTimestamp(java.util.Date.from(instant), null, COLUMN).toInstant());
  }

  @Test
  void aCalendarSaysWhereAWallClockIs() throws SQLException {
    long expected = epochMillis(LocalDateTime.of(2024, 1, 31, 13, 45, 10), NEW_YORK);
    assertEquals(
        expected,
        ValueConverter.asTimestamp(
                LocalDateTime.of(2024, 1, 31, 13, 45, 10), calendar(NEW_YORK), COLUMN)
            .getTime());
    assertEquals(
        expected,
        ValueConverter.asTimestamp(
                Timestamp.valueOf("2024-01-31 13:45:10"), calendar(NEW_YORK), COLUMN)
            .getTime());
    Timestamp withNanos = ValueConverter.asTimestamp(WALL, calendar(NEW_YORK), COLUMN);
    assertEquals(123_456_789, withNanos.getNanos());
  }

  @Test
  void aCalendarDoesNotMoveAnAbsoluteValue() throws SQLException {
    OffsetDateTime stored = OffsetDateTime.parse("2024-01-31T13:45:10+05:30");
    assertEquals(
        stored.toInstant(),
        ValueConverter.asTimestamp(stored, calendar(NEW_YORK), COLUMN).toInstant());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2024-01-31 13:45:10.5",
        "2024-01-31T13:45:10.5",
        " 2024-01-31 13:45:10.500 ",
      })
  void timestampTextInSqlOrIsoFormIsParsed(String text) throws SQLException {
    assertEquals(
        Timestamp.valueOf("2024-01-31 13:45:10.5"), ValueConverter.asTimestamp(text, null, COLUMN));
  }

  @Test
  void timestampTextWithAnOffsetIsAnInstant() throws SQLException {
    Instant expected = Instant.parse("2024-01-31T08:15:10Z");
    assertEquals(
        expected,
        ValueConverter.asTimestamp("2024-01-31 13:45:10+05:30", null, COLUMN).toInstant());
    assertEquals(
        Instant.parse("2024-01-31T13:45:10Z"),
        ValueConverter.asTimestamp("2024-01-31 13:45:10+00", null, COLUMN).toInstant());
    assertEquals(
        Instant.parse("2024-01-31T21:45:10Z"),
        ValueConverter.asTimestamp("2024-01-31T13:45:10-08", null, COLUMN).toInstant());
    assertEquals(
        Instant.parse("2024-01-31T13:45:10Z"),
        ValueConverter.asTimestamp("2024-01-31T13:45:10Z", null, COLUMN).toInstant());
  }

  @Test
  void timestampFromSomethingElseIsAnInvalidCast() {
    assertState("22018", () -> ValueConverter.asTimestamp("yesterday", null, COLUMN));
    assertState("22018", () -> ValueConverter.asTimestamp("2024-13-45", null, COLUMN));
    assertState("22018", () -> ValueConverter.asTimestamp(42, null, COLUMN));
    assertState("22018", () -> ValueConverter.asTimestamp(true, null, COLUMN));
  }

  // ---- getDate ----

  @Test
  void dateIsTheDayOfAWallClock() throws SQLException {
    Date expected = Date.valueOf("2024-01-31");
    assertEquals(expected, ValueConverter.asDate(Timestamp.valueOf(WALL), null, COLUMN));
    assertEquals(expected, ValueConverter.asDate(WALL, null, COLUMN));
    assertEquals(expected, ValueConverter.asDate(LocalDate.of(2024, 1, 31), null, COLUMN));
    assertEquals(expected, ValueConverter.asDate("2024-01-31", null, COLUMN));
    assertEquals(expected, ValueConverter.asDate("2024-01-31 23:59:59", null, COLUMN));
    assertEquals(
        Date.valueOf("1970-01-01"), ValueConverter.asDate(Time.valueOf("13:45:10"), null, COLUMN));
  }

  @Test
  void dateIsACopy() throws SQLException {
    Date stored = Date.valueOf("2024-01-31");
    Date read = ValueConverter.asDate(stored, null, COLUMN);
    assertEquals(stored, read);
    assertNotSame(stored, read);
  }

  @Test
  void dateOfAnInstantIsItsDayInTheJvmZoneOrTheCalendarZone() throws SQLException {
    Instant lateEvening = Instant.parse("2024-01-31T23:30:00Z");
    assertEquals(
        Date.valueOf(lateEvening.atZone(ZoneId.systemDefault()).toLocalDate()),
        ValueConverter.asDate(lateEvening, null, COLUMN));
    Date inTokyo = ValueConverter.asDate(lateEvening, calendar(ZoneId.of("Asia/Tokyo")), COLUMN);
    assertEquals(
        epochMillis(LocalDateTime.of(2024, 2, 1, 0, 0), ZoneId.of("Asia/Tokyo")),
        inTokyo.getTime());
  }

  @Test
  void dateWithACalendarIsMidnightInThatZone() throws SQLException {
    Date read = ValueConverter.asDate(LocalDate.of(2024, 1, 31), calendar(NEW_YORK), COLUMN);
    assertEquals(epochMillis(LocalDateTime.of(2024, 1, 31, 0, 0), NEW_YORK), read.getTime());
    Date fromSqlDate =
        ValueConverter.asDate(Date.valueOf("2024-01-31"), calendar(NEW_YORK), COLUMN);
    assertEquals(read, fromSqlDate);
  }

  // ---- getTime ----

  @Test
  void timeIsTheTimeOfDayOnTheEpochDayKeepingMilliseconds() throws SQLException {
    Time read = ValueConverter.asTime(Timestamp.valueOf(WALL), null, COLUMN);
    assertEquals(Timestamp.valueOf("1970-01-01 13:45:10.123").getTime(), read.getTime());
    assertEquals(
        Time.valueOf("13:45:10"), ValueConverter.asTime(LocalTime.of(13, 45, 10), null, COLUMN));
    assertEquals(Time.valueOf("13:45:10"), ValueConverter.asTime("13:45:10", null, COLUMN));
    assertEquals(
        Time.valueOf("00:00:00"), ValueConverter.asTime(Date.valueOf("2024-01-31"), null, COLUMN));
  }

  @Test
  void timeWithACalendarIsThatWallTimeInTheCalendarZone() throws SQLException {
    Time read = ValueConverter.asTime(LocalTime.of(13, 45), calendar(NEW_YORK), COLUMN);
    assertEquals(epochMillis(LocalDateTime.of(1970, 1, 1, 13, 45), NEW_YORK), read.getTime());
  }

  @Test
  void timeIsACopy() throws SQLException {
    Time stored = Time.valueOf("13:45:10");
    Time read = ValueConverter.asTime(stored, null, COLUMN);
    assertEquals(stored, read);
    assertNotSame(stored, read);
  }

  // ---- java.time targets ----

  @Test
  void javaTimeTargetsTakeThePartTheyNeed() throws SQLException {
    Timestamp stored = Timestamp.valueOf(WALL);
    assertEquals(WALL, ValueConverter.asObject(stored, LocalDateTime.class, COLUMN));
    assertEquals(WALL.toLocalDate(), ValueConverter.asObject(stored, LocalDate.class, COLUMN));
    assertEquals(WALL.toLocalTime(), ValueConverter.asObject(stored, LocalTime.class, COLUMN));
    assertEquals(
        LocalTime.of(13, 45, 10, 500_000_000),
        ValueConverter.asObject(
            new Time(Timestamp.valueOf("1970-01-01 13:45:10.5").getTime()),
            LocalTime.class,
            COLUMN));
    assertEquals(
        LocalDateTime.of(2024, 1, 31, 0, 0),
        ValueConverter.asObject(Date.valueOf("2024-01-31"), LocalDateTime.class, COLUMN));
    assertEquals(
        LocalDate.of(1970, 1, 1), ValueConverter.asObject(LocalTime.NOON, LocalDate.class, COLUMN));
  }

  @Test
  void aWallClockBecomesAnInstantInTheJvmZone() throws SQLException {
    Instant expected = WALL.atZone(ZoneId.systemDefault()).toInstant();
    assertEquals(expected, ValueConverter.asObject(WALL, Instant.class, COLUMN));
    assertEquals(expected, ValueConverter.asObject(Timestamp.valueOf(WALL), Instant.class, COLUMN));
    assertEquals(
        WALL.atZone(ZoneId.systemDefault()).toOffsetDateTime(),
        ValueConverter.asObject(WALL, OffsetDateTime.class, COLUMN));
  }

  @Test
  void anAbsoluteValueBecomesAWallClockInTheJvmZone() throws SQLException {
    Instant instant = Instant.parse("2024-01-31T08:15:10Z");
    assertEquals(
        LocalDateTime.ofInstant(instant, ZoneId.systemDefault()),
        ValueConverter.asObject(instant, LocalDateTime.class, COLUMN));
    assertEquals(
        OffsetDateTime.ofInstant(instant, ZoneId.systemDefault()),
        ValueConverter.asObject(instant, OffsetDateTime.class, COLUMN));
    assertEquals(
        OffsetDateTime.of(2024, 1, 31, 13, 45, 10, 0, ZoneOffset.ofHoursMinutes(5, 30)),
        ValueConverter.asObject("2024-01-31 13:45:10+05:30", OffsetDateTime.class, COLUMN));
  }
}
