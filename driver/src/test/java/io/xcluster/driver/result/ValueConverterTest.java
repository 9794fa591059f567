package io.xcluster.driver.result;

import static io.xcluster.driver.result.SqlAssertions.assertState;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueConverterTest {
  private static final String COLUMN = "amount";
  private static final String OUT_OF_RANGE = "22003";
  private static final String CANNOT_CAST = "22018";

  // ---- getString ----

  static Stream<Arguments> textForms() {
    return Stream.of(
        Arguments.of(42, "42"),
        Arguments.of(-9000000000L, "-9000000000"),
        Arguments.of((short) 7, "7"),
        Arguments.of(new BigDecimal("12.50"), "12.50"),
        Arguments.of(new BigDecimal("1E+3"), "1000"),
        Arguments.of(
            new BigInteger("123456789012345678901234567890"), "123456789012345678901234567890"),
        Arguments.of(1.0, "1"),
        Arguments.of(2.25, "2.25"),
        Arguments.of(-0.5, "-0.5"),
        Arguments.of(0.0, "0"),
        Arguments.of(1e20, "1e+20"),
        Arguments.of(1.5e-5, "1.5e-05"),
        Arguments.of(0.0001, "0.0001"),
        Arguments.of(123456789012345.0, "123456789012345"),
        Arguments.of(1e15, "1e+15"),
        Arguments.of(Double.NaN, "NaN"),
        Arguments.of(Double.NEGATIVE_INFINITY, "-Infinity"),
        Arguments.of(1.1f, "1.1"),
        Arguments.of(1e6f, "1e+06"),
        Arguments.of(123456f, "123456"),
        Arguments.of(true, "true"),
        Arguments.of(false, "false"),
        Arguments.of(new byte[] {1, 2, (byte) 0xff}, "\\x0102ff"),
        Arguments.of(new byte[0], "\\x"),
        Arguments.of(Timestamp.valueOf("2024-01-31 13:45:10"), "2024-01-31 13:45:10"),
        Arguments.of(Timestamp.valueOf("2024-01-31 13:45:10.120"), "2024-01-31 13:45:10.12"),
        Arguments.of(
            Timestamp.valueOf("2024-01-31 13:45:10.000000001"), "2024-01-31 13:45:10.000000001"),
        Arguments.of(LocalDateTime.of(2024, 1, 31, 13, 45), "2024-01-31 13:45:00"),
        Arguments.of(LocalTime.of(13, 45), "13:45:00"),
        Arguments.of(LocalTime.of(23, 59, 59, 250_000_000), "23:59:59.25"),
        Arguments.of(Time.valueOf("13:45:10"), "13:45:10"),
        Arguments.of(new Time(Timestamp.valueOf("1970-01-01 13:45:10.5").getTime()), "13:45:10.5"),
        Arguments.of(Date.valueOf("2024-02-29"), "2024-02-29"),
        Arguments.of(LocalDate.of(2024, 2, 29), "2024-02-29"),
        Arguments.of(
            OffsetDateTime.of(2024, 1, 31, 13, 45, 10, 0, ZoneOffset.UTC),
            "2024-01-31 13:45:10+00"),
        Arguments.of(
            OffsetDateTime.of(
                2024, 1, 31, 13, 45, 10, 500_000_000, ZoneOffset.ofHoursMinutes(5, 30)),
            "2024-01-31 13:45:10.5+05:30"),
        Arguments.of(
            OffsetDateTime.of(2024, 1, 31, 13, 45, 10, 0, ZoneOffset.ofHours(-8)),
            "2024-01-31 13:45:10-08"),
        Arguments.of(Instant.parse("2024-01-31T13:45:10Z"), "2024-01-31 13:45:10+00"),
        Arguments.of(
            UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"),
            "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"),
        Arguments.of("as it is ", "as it is "));
  }

  @ParameterizedTest
  @MethodSource("textForms")
  void getStringPrintsEachTypeAsPostgresqlWould(Object stored, String expected) {
    assertEquals(expected, ValueConverter.asString(stored, COLUMN));
  }

  @Test
  void nullIsNullForObjectsAndZeroOrFalseForPrimitives() throws SQLException {
    assertNull(ValueConverter.asString(null, COLUMN));
    assertFalse(ValueConverter.asBoolean(null, COLUMN));
    assertEquals(0, ValueConverter.asByte(null, COLUMN));
    assertEquals(0, ValueConverter.asShort(null, COLUMN));
    assertEquals(0, ValueConverter.asInt(null, COLUMN));
    assertEquals(0L, ValueConverter.asLong(null, COLUMN));
    assertEquals(0f, ValueConverter.asFloat(null, COLUMN));
    assertEquals(0d, ValueConverter.asDouble(null, COLUMN));
    assertNull(ValueConverter.asBigDecimal(null, COLUMN));
    assertNull(ValueConverter.asBigDecimal(null, 2, COLUMN));
    assertNull(ValueConverter.asBigInteger(null, COLUMN));
    assertNull(ValueConverter.asBytes(null, COLUMN));
    assertNull(ValueConverter.asUuid(null, COLUMN));
    assertNull(ValueConverter.asDate(null, null, COLUMN));
    assertNull(ValueConverter.asTime(null, null, COLUMN));
    assertNull(ValueConverter.asTimestamp(null, null, COLUMN));
    assertNull(ValueConverter.copyOf(null));
  }

  // ---- getBoolean ----

  @ParameterizedTest
  @ValueSource(strings = {"true", "TRUE", "t", "yes", "Y", "on", "1", " true ", "2", "-1", "0.5"})
  void textThatMeansTrueIsTrue(String text) throws SQLException {
    assertTrue(ValueConverter.asBoolean(text, COLUMN));
  }

  @ParameterizedTest
  @ValueSource(strings = {"false", "False", "f", "no", "N", "off", "0", "0.0", " 0 "})
  void textThatMeansFalseIsFalse(String text) throws SQLException {
    assertFalse(ValueConverter.asBoolean(text, COLUMN));
  }

  @Test
  void numbersAreTrueUnlessZero() throws SQLException {
    for (Object number :
        List.of(1, -1, 2L, (short) 3, (byte) -4, 0.5, -2.5f, BigDecimal.TEN, BigInteger.TWO)) {
      assertTrue(ValueConverter.asBoolean(number, COLUMN), number::toString);
    }
    for (Object zero :
        List.of(0, 0L, (short) 0, (byte) 0, 0.0, -0.0f, new BigDecimal("0.00"), BigInteger.ZERO)) {
      assertFalse(ValueConverter.asBoolean(zero, COLUMN), zero::toString);
    }
  }

  @Test
  void aBooleanFromSomethingElseIsAnInvalidCast() {
    assertState(CANNOT_CAST, () -> ValueConverter.asBoolean("maybe", COLUMN));
    assertState(CANNOT_CAST, () -> ValueConverter.asBoolean(new byte[] {1}, COLUMN));
    assertState(CANNOT_CAST, () -> ValueConverter.asBoolean(Date.valueOf("2024-01-01"), COLUMN));
  }

  // ---- integers ----

  @Test
  void integersComeFromEveryNumberTruncatingTowardZero() throws SQLException {
    assertEquals(42, ValueConverter.asInt(42L, COLUMN));
    assertEquals(42, ValueConverter.asInt((short) 42, COLUMN));
    assertEquals(12, ValueConverter.asInt(new BigDecimal("12.99"), COLUMN));
    assertEquals(-12, ValueConverter.asInt(new BigDecimal("-12.99"), COLUMN));
    assertEquals(2, ValueConverter.asInt(2.75, COLUMN));
    assertEquals(-2, ValueConverter.asInt(-2.5f, COLUMN));
    assertEquals(7L, ValueConverter.asLong(BigInteger.valueOf(7), COLUMN));
    assertEquals((short) -3, ValueConverter.asShort(-3, COLUMN));
    assertEquals((byte) 127, ValueConverter.asByte(127L, COLUMN));
    assertEquals(
        Long.MAX_VALUE, ValueConverter.asLong(new BigDecimal(Long.MAX_VALUE + ".9"), COLUMN));
  }

  @Test
  void integersComeFromNumericTextAndBooleans() throws SQLException {
    assertEquals(42, ValueConverter.asInt("42", COLUMN));
    assertEquals(42, ValueConverter.asInt(" 42 ", COLUMN));
    assertEquals(12, ValueConverter.asInt("12.5", COLUMN));
    assertEquals(1000L, ValueConverter.asLong("1e3", COLUMN));
    assertEquals(1, ValueConverter.asInt(true, COLUMN));
    assertEquals(0, ValueConverter.asByte(false, COLUMN));
  }

  static Stream<Arguments> overflows() {
    return Stream.of(
        Arguments.of("byte", 128),
        Arguments.of("byte", -129L),
        Arguments.of("short", 32768),
        Arguments.of("short", new BigDecimal("-32769")),
        Arguments.of("int", 2147483648L),
        Arguments.of("int", 3e9),
        Arguments.of("int", "2147483648"),
        Arguments.of("long", new BigInteger("9223372036854775808")),
        Arguments.of("long", new BigDecimal("-9223372036854775809")),
        Arguments.of("long", 1e19),
        Arguments.of("long", Double.NaN),
        Arguments.of("int", Double.POSITIVE_INFINITY),
        Arguments.of("int", "NaN"));
  }

  @ParameterizedTest
  @MethodSource("overflows")
  void anIntegerOutOfRangeIsRefusedWith22003(String target, Object stored) {
    SQLException thrown =
        assertState(
            OUT_OF_RANGE,
            () -> {
              switch (target) {
                case "byte" -> ValueConverter.asByte(stored, COLUMN);
                case "short" -> ValueConverter.asShort(stored, COLUMN);
                case "int" -> ValueConverter.asInt(stored, COLUMN);
                default -> ValueConverter.asLong(stored, COLUMN);
              }
            });
    assertTrue(thrown.getMessage().contains("'" + COLUMN + "'"), thrown.getMessage());
    assertTrue(thrown.getMessage().contains(stored.getClass().getName()), thrown.getMessage());
    assertTrue(thrown.getMessage().endsWith(target), thrown.getMessage());
  }

  @Test
  void theRangeEdgesStillConvert() throws SQLException {
    assertEquals(Byte.MIN_VALUE, ValueConverter.asByte(-128, COLUMN));
    assertEquals(Short.MAX_VALUE, ValueConverter.asShort(32767L, COLUMN));
    assertEquals(Integer.MIN_VALUE, ValueConverter.asInt((long) Integer.MIN_VALUE, COLUMN));
    assertEquals(
        Long.MIN_VALUE, ValueConverter.asLong(new BigInteger("-9223372036854775808"), COLUMN));
  }

  @Test
  void anIntegerFromTextThatIsNoNumberIsAnInvalidCastNamingColumnAndTypes() {
    SQLException thrown = assertState(CANNOT_CAST, () -> ValueConverter.asInt("abc", COLUMN));
    assertEquals(
        "column 'amount': cannot convert a java.lang.String value to int", thrown.getMessage());
    assertState(CANNOT_CAST, () -> ValueConverter.asLong(new byte[] {1}, COLUMN));
    assertState(
        CANNOT_CAST,
        () -> ValueConverter.asShort(Timestamp.valueOf("2024-01-01 00:00:00"), COLUMN));
    assertState(CANNOT_CAST, () -> ValueConverter.asInt(UUID.randomUUID(), COLUMN));
  }

  @Test
  void theMessageNeverShowsTheValue() {
    SQLException thrown = assertState(CANNOT_CAST, () -> ValueConverter.asInt("secret-42", COLUMN));
    assertFalse(thrown.getMessage().contains("secret"), thrown.getMessage());
  }

  // ---- floating point ----

  @Test
  void floatingPointComesFromNumbersTextAndBooleans() throws SQLException {
    assertEquals(1.1, ValueConverter.asDouble(1.1f, COLUMN)); // not 1.100000023841858
    assertEquals(12.5, ValueConverter.asDouble(new BigDecimal("12.50"), COLUMN));
    assertEquals(9e9, ValueConverter.asDouble(9_000_000_000L, COLUMN));
    assertEquals(-0.25, ValueConverter.asDouble(" -0.25 ", COLUMN));
    assertEquals(Double.POSITIVE_INFINITY, ValueConverter.asDouble("Infinity", COLUMN));
    assertEquals(1.0, ValueConverter.asDouble(true, COLUMN));
    assertEquals(2.25f, ValueConverter.asFloat(2.25, COLUMN));
    assertEquals(Float.NEGATIVE_INFINITY, ValueConverter.asFloat(Double.NEGATIVE_INFINITY, COLUMN));
    assertTrue(Float.isNaN(ValueConverter.asFloat(Double.NaN, COLUMN)));
  }

  @Test
  void aFloatTooLargeForFloatIsRefusedWith22003() {
    assertState(OUT_OF_RANGE, () -> ValueConverter.asFloat(1e39, COLUMN));
    assertState(OUT_OF_RANGE, () -> ValueConverter.asFloat(new BigDecimal("-1e40"), COLUMN));
  }

  @Test
  void floatingPointFromNonNumbersIsAnInvalidCast() {
    assertState(CANNOT_CAST, () -> ValueConverter.asDouble("twelve", COLUMN));
    assertState(CANNOT_CAST, () -> ValueConverter.asFloat(LocalDate.of(2024, 1, 1), COLUMN));
  }

  // ---- BigDecimal and BigInteger ----

  @Test
  void bigDecimalIsExactFromIntegersAndTextAndShortestFromFloatingPoint() throws SQLException {
    assertEquals(new BigDecimal("42"), ValueConverter.asBigDecimal(42, COLUMN));
    assertEquals(new BigDecimal("9000000000"), ValueConverter.asBigDecimal(9_000_000_000L, COLUMN));
    assertEquals(new BigDecimal("12.50"), ValueConverter.asBigDecimal("12.50", COLUMN));
    assertEquals(new BigDecimal("0.1"), ValueConverter.asBigDecimal(0.1, COLUMN));
    assertEquals(new BigDecimal("1.1"), ValueConverter.asBigDecimal(1.1f, COLUMN));
    assertEquals(
        new BigDecimal("1E+20"),
        ValueConverter.asBigDecimal(new BigInteger("100000000000000000000"), COLUMN)
            .stripTrailingZeros());
    assertEquals(BigDecimal.ONE, ValueConverter.asBigDecimal(true, COLUMN));
    BigDecimal stored = new BigDecimal("3.14");
    assertEquals(stored, ValueConverter.asBigDecimal(stored, COLUMN));
  }

  @Test
  void bigDecimalWithScaleRoundsHalfUp() throws SQLException {
    assertEquals(
        new BigDecimal("12.35"), ValueConverter.asBigDecimal(new BigDecimal("12.345"), 2, COLUMN));
    assertEquals(new BigDecimal("-12.35"), ValueConverter.asBigDecimal("-12.345", 2, COLUMN));
    assertEquals(new BigDecimal("7.000"), ValueConverter.asBigDecimal(7, 3, COLUMN));
    assertState("22023", () -> ValueConverter.asBigDecimal(1, -1, COLUMN));
  }

  @Test
  void bigDecimalRefusesNaNAndNonNumbers() {
    assertState(OUT_OF_RANGE, () -> ValueConverter.asBigDecimal(Double.NaN, COLUMN));
    assertState(OUT_OF_RANGE, () -> ValueConverter.asBigDecimal("Infinity", COLUMN));
    assertState(CANNOT_CAST, () -> ValueConverter.asBigDecimal("1,5", COLUMN));
    assertState(CANNOT_CAST, () -> ValueConverter.asBigDecimal(new byte[0], COLUMN));
  }

  @Test
  void bigIntegerTruncatesLikeTheIntegerGetters() throws SQLException {
    assertEquals(
        BigInteger.valueOf(12), ValueConverter.asBigInteger(new BigDecimal("12.9"), COLUMN));
    assertEquals(
        new BigInteger("123456789012345678901234567890"),
        ValueConverter.asBigInteger("123456789012345678901234567890", COLUMN));
    assertEquals(BigInteger.valueOf(-5), ValueConverter.asBigInteger(-5L, COLUMN));
  }

  // ---- bytes ----

  @Test
  void bytesAreACopyOfStoredBytesOrTheUtf8OfTheText() {
    byte[] stored = {1, 2, 3};
    byte[] read = ValueConverter.asBytes(stored, COLUMN);
    assertArrayEquals(stored, read);
    read[0] = 9;
    assertEquals(1, stored[0]);
    assertArrayEquals(
        "héllo".getBytes(StandardCharsets.UTF_8), ValueConverter.asBytes("héllo", COLUMN));
    assertArrayEquals("42".getBytes(StandardCharsets.US_ASCII), ValueConverter.asBytes(42, COLUMN));
  }

  @Test
  void copyOfCopiesMutableValuesOnly() {
    byte[] bytes = {1};
    assertNotSame(bytes, ValueConverter.copyOf(bytes));
    Timestamp timestamp = Timestamp.valueOf("2024-01-31 13:45:10.123456789");
    Object copy = ValueConverter.copyOf(timestamp);
    assertNotSame(timestamp, copy);
    assertEquals(timestamp, copy);
    String text = "same";
    assertTrue(text == ValueConverter.copyOf(text));
  }

  // ---- getObject(column, Class) ----

  static Stream<Arguments> objectConversions() {
    UUID uuid = UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
    LocalDateTime wall = LocalDateTime.of(2024, 1, 31, 13, 45, 10);
    return Stream.of(
        Arguments.of(42L, String.class, "42"),
        Arguments.of(42L, Integer.class, 42),
        Arguments.of("42", Long.class, 42L),
        Arguments.of(7, Short.class, (short) 7),
        Arguments.of(7, Byte.class, (byte) 7),
        Arguments.of(1, Boolean.class, true),
        Arguments.of("2.5", Double.class, 2.5),
        Arguments.of(2.5, Float.class, 2.5f),
        Arguments.of(12, BigDecimal.class, new BigDecimal("12")),
        Arguments.of(12.7, BigInteger.class, BigInteger.valueOf(12)),
        Arguments.of(Timestamp.valueOf(wall), LocalDateTime.class, wall),
        Arguments.of(wall, Timestamp.class, Timestamp.valueOf(wall)),
        Arguments.of(wall, LocalDate.class, wall.toLocalDate()),
        Arguments.of(wall, LocalTime.class, wall.toLocalTime()),
        Arguments.of(Date.valueOf("2024-01-31"), LocalDate.class, LocalDate.of(2024, 1, 31)),
        Arguments.of(LocalDate.of(2024, 1, 31), Date.class, Date.valueOf("2024-01-31")),
        Arguments.of(LocalTime.of(13, 45, 10), Time.class, Time.valueOf("13:45:10")),
        Arguments.of(
            Instant.parse("2024-01-31T13:45:10Z"),
            OffsetDateTime.class,
            OffsetDateTime.parse("2024-01-31T13:45:10Z")),
        Arguments.of(
            OffsetDateTime.parse("2024-01-31T13:45:10+05:30"),
            Instant.class,
            Instant.parse("2024-01-31T08:15:10Z")),
        Arguments.of(
            OffsetDateTime.parse("2024-01-31T13:45:10+05:30"),
            OffsetDateTime.class,
            OffsetDateTime.parse("2024-01-31T13:45:10+05:30")),
        Arguments.of("2024-01-31 13:45:10", LocalDateTime.class, wall),
        Arguments.of(uuid, UUID.class, uuid),
        Arguments.of(uuid.toString().toUpperCase(java.util.Locale.ROOT), UUID.class, uuid),
        Arguments.of(uuid, String.class, uuid.toString()),
        Arguments.of("text", Object.class, "text"),
        Arguments.of(42, Number.class, 42),
        Arguments.of(42, Comparable.class, 42));
  }

  @ParameterizedTest
  @MethodSource("objectConversions")
  void getObjectWithAClassConvertsToThatClass(Object stored, Class<?> type, Object expected)
      throws SQLException {
    Object converted = ValueConverter.asObject(stored, type, COLUMN);
    assertInstanceOf(type, converted);
    assertEquals(expected, converted);
  }

  @Test
  void getObjectOfBytesIsACopy() throws SQLException {
    byte[] stored = {4, 5};
    byte[] read = ValueConverter.asObject(stored, byte[].class, COLUMN);
    assertArrayEquals(stored, read);
    assertNotSame(stored, read);
  }

  @Test
  void getObjectOfNullIsNullWhateverTheClass() throws SQLException {
    for (Class<?> type :
        List.of(Integer.class, String.class, LocalDate.class, byte[].class, StringBuilder.class)) {
      assertNull(ValueConverter.asObject(null, type, COLUMN));
    }
  }

  @Test
  void getObjectToAnUnknownClassIsUnsupported() {
    SQLException thrown =
        assertState("0A000", () -> ValueConverter.asObject("text", StringBuilder.class, COLUMN));
    assertInstanceOf(SQLFeatureNotSupportedException.class, thrown);
    assertTrue(thrown.getMessage().contains("java.lang.StringBuilder"), thrown.getMessage());
    assertTrue(thrown.getMessage().contains(COLUMN), thrown.getMessage());
  }

  @Test
  void getObjectOfAnUnconvertibleValueIsAnInvalidCastNamingBothTypes() {
    SQLException thrown =
        assertState(CANNOT_CAST, () -> ValueConverter.asObject("not-a-uuid", UUID.class, COLUMN));
    assertEquals(
        "column 'amount': cannot convert a java.lang.String value to java.util.UUID",
        thrown.getMessage());
    assertState(CANNOT_CAST, () -> ValueConverter.asObject(new byte[16], UUID.class, COLUMN));
    assertState(CANNOT_CAST, () -> ValueConverter.asObject(42, LocalDate.class, COLUMN));
    assertState(CANNOT_CAST, () -> ValueConverter.asObject(true, Timestamp.class, COLUMN));
  }

  @Test
  void getObjectWithoutAClassIsAnInvalidArgument() {
    assertState("22023", () -> ValueConverter.asObject(1, null, COLUMN));
  }
}
