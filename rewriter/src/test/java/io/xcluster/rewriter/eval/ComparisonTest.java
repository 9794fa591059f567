package io.xcluster.rewriter.eval;

import static io.xcluster.rewriter.eval.Eval.dec;
import static io.xcluster.rewriter.eval.Eval.eval;
import static io.xcluster.rewriter.eval.Eval.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Comparisons by value across the Java types drivers return, and refusals where PostgreSQL has no answer. */
class ComparisonTest {

  @Test
  void integralTypesOfEveryDriverCompareEqual() {
    // MySQL INT arrives as Integer, PostgreSQL BIGINT as Long, NUMERIC as BigDecimal: 1 = 1.0 = 1.00.
    assertEquals(true, eval("a = b", 1, 1L));
    assertEquals(true, eval("a = b", (short) 1, BigInteger.ONE));
    assertEquals(true, eval("a = b", 1L, dec("1.00")));
    assertEquals(true, eval("a = b", dec("1.0"), dec("1.00")));
    assertEquals(true, eval("a = b", (byte) 1, 1.0));
  }

  @Test
  void orderingIsByValueNotByJavaType() {
    assertEquals(true, eval("a < b", 2, dec("2.5")));
    assertEquals(true, eval("a > b", dec("10"), 9.99));
    assertEquals(true, eval("a >= b", dec("-0.0"), 0L));
  }

  @Test
  void numericAgainstDoubleComparesAsDoubleLikePostgres() {
    // PostgreSQL casts numeric to float8 for numeric = float8: 0.1 = 0.1::float8 is TRUE.
    assertEquals(true, eval("a = b", dec("0.1"), 0.1));
    // bigint = float8 compares as float8 too: 2^53 + 1 equals 2^53 as a double.
    assertEquals(true, eval("a = b", 9007199254740993L, 9007199254740992.0));
  }

  @Test
  void realComparesAsDoubleWithOtherNumbers() {
    // PostgreSQL: 0.1::real = 0.1 is FALSE, 16777217 = 16777216::real is FALSE (both compare as float8).
    assertEquals(false, eval("a = b", 0.1f, dec("0.1")));
    assertEquals(false, eval("a = b", 16777217L, 16777216f));
    assertEquals(true, eval("a = b", 0.5f, dec("0.5")));
  }

  @Test
  void floatSpecialValuesOrderAsInPostgres() {
    assertEquals(true, eval("a = b", -0.0, 0.0));
    assertEquals(true, eval("a = b", Double.NaN, Double.NaN));
    assertEquals(true, eval("a > b", Double.NaN, Double.POSITIVE_INFINITY));
  }

  @Test
  void textComparesByCodePointAndExactly() {
    assertEquals(false, eval("a < b", "a", "B"));
    assertEquals(false, eval("a = b", "Bob", "bob"));
    assertEquals(false, eval("a = b", "abc", "abc "));
    // U+1F600 sorts after U+FFFD by code point (Java's compareTo says the opposite).
    assertEquals(true, eval("a > b", "\uD83D\uDE00", "\uFFFD"));
  }

  @Test
  void untypedStringLiteralTakesTheOtherSidesType() {
    assertEquals(true, eval("a = '2024-01-31'", LocalDate.of(2024, 1, 31)));
    assertEquals(true, eval("a < '2024-01-31 10:00'", LocalDateTime.of(2024, 1, 31, 9, 0)));
    assertEquals(true, eval("a = '1'", 1L));
    assertEquals(true, eval("a = ' 1.50 '", dec("1.5")));
    assertEquals(true, eval("a = 'yes'", true));
    assertEquals(true, eval("'0.1' = a", 0.1f));
    assertEquals(true, eval("a = '6f9619ff-8b86-d011-b42d-00c04fc964ff'",
        UUID.fromString("6F9619FF-8B86-D011-B42D-00C04FC964FF")));
  }

  @Test
  void untypedLiteralThatIsNotAValidValueIsNotGuessed() {
    // PostgreSQL: invalid input syntax for type integer: "1.5".
    refused("a = '1.5'", 1L);
    refused("a = 'Jan 31 2024'", LocalDate.of(2024, 1, 31));
  }

  @Test
  void textValueAgainstNumberIsRefusedNotCoerced() {
    // MySQL says '1' = 1 and 'abc' = 0; PostgreSQL rejects text = integer. Neither guess is safe.
    String message = refused("a = b", "1", 1L);
    assertTrue(message.startsWith("comparing text with bigint would have to run in memory across clusters"),
        message);
    refused("a < b", 1L, "2");
  }

  @Test
  void dateComparesWithTimestampAtMidnight() {
    assertEquals(true, eval("a = b", LocalDate.of(2024, 1, 31), LocalDateTime.of(2024, 1, 31, 0, 0)));
    assertEquals(true, eval("a < b", LocalDate.of(2024, 1, 31), LocalDateTime.of(2024, 1, 31, 0, 1)));
  }

  @Test
  void timestampsWithTimeZoneCompareByInstant() {
    OffsetDateTime utc = OffsetDateTime.of(2024, 1, 31, 10, 0, 0, 0, ZoneOffset.UTC);
    assertEquals(true, eval("a = b", utc, utc.withOffsetSameInstant(ZoneOffset.ofHours(2))));
  }

  @Test
  void timestampWithAndWithoutTimeZoneIsRefused() {
    // The conversion depends on the session's TimeZone setting.
    refused("a = b", LocalDateTime.of(2024, 1, 31, 10, 0), OffsetDateTime.now(ZoneOffset.UTC));
  }

  @Test
  void uuidsAndBytesCompareAsUnsignedBytes() {
    UUID high = UUID.fromString("ff000000-0000-0000-0000-000000000000");
    UUID low = UUID.fromString("0f000000-0000-0000-0000-000000000000");
    assertEquals(true, eval("a > b", high, low));
    assertEquals(true, eval("a > b", new byte[] {(byte) 0xff}, new byte[] {0x0f, 0x00}));
    assertEquals(true, eval("a = b", new byte[] {1, 2}, new byte[] {1, 2}));
  }

  @Test
  void betweenIsTwoComparisonsInThreeValuedLogic() {
    assertEquals(true, eval("a BETWEEN 1 AND 3", 2L));
    assertEquals(false, eval("a BETWEEN 3 AND 1", 2L));
    assertEquals(true, eval("a BETWEEN SYMMETRIC 3 AND 1", 2L));
    assertEquals(false, eval("a BETWEEN b AND 1", 2L, null));
    assertEquals(null, eval("a BETWEEN 1 AND b", 2L, null));
    assertEquals(true, eval("a NOT BETWEEN 3 AND b", 2L, null));
    assertEquals(true, eval("a BETWEEN '2024-01-01' AND '2024-12-31'", LocalDate.of(2024, 6, 1)));
  }
}
