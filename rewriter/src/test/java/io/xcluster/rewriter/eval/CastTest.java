package io.xcluster.rewriter.eval;

import static io.xcluster.rewriter.eval.Eval.assertValue;
import static io.xcluster.rewriter.eval.Eval.dec;
import static io.xcluster.rewriter.eval.Eval.refused;
import static io.xcluster.rewriter.eval.Eval.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** CAST and :: with PostgreSQL's rounding and range rules. */
class CastTest {

  @Test
  void numericToIntegerRoundsHalfAwayFromZero() {
    assertValue(3L, "CAST(a AS integer)", dec("2.5"));
    assertValue(-3L, "CAST(a AS int)", dec("-2.5"));
    assertValue(1L, "a::int4", dec("0.5"));
    assertValue(2L, "a::bigint", dec("2.4999"));
  }

  @Test
  void floatToIntegerRoundsHalfToEven() {
    // float8 to int uses rint(): 2.5 -> 2, 3.5 -> 4, -2.5 -> -2.
    assertValue(2L, "CAST(a AS integer)", 2.5);
    assertValue(4L, "CAST(a AS integer)", 3.5);
    assertValue(-2L, "a::bigint", -2.5);
    assertValue(2L, "a::smallint", 2.5f);
  }

  @Test
  void integerTargetsCheckTheirRange() {
    assertValue(32767L, "CAST(a AS smallint)", 32767L);
    assertEquals("smallint out of range (SQLSTATE 22003 in PostgreSQL)", rejected("CAST(a AS smallint)", 32768L));
    rejected("CAST(a AS integer)", 3_000_000_000L);
    rejected("CAST(a AS integer)", dec("2147483647.5"));
    rejected("CAST(a AS bigint)", 1e19);
    rejected("CAST(a AS integer)", Double.NaN);
  }

  @Test
  void numericWithScaleRoundsHalfAwayFromZeroAndChecksPrecision() {
    assertValue(dec("3.14"), "CAST(a AS numeric(5,2))", dec("3.14159"));
    assertValue(dec("2.35"), "CAST(a AS numeric(4,2))", dec("2.345"));
    assertValue(dec("-2.35"), "CAST(a AS decimal(4,2))", dec("-2.345"));
    assertValue(dec("12.00"), "CAST(a AS numeric(5,2))", 12L);
    assertValue(dec("13"), "CAST(a AS numeric(3))", dec("12.5"));
    assertTrue(rejected("CAST(a AS numeric(4,2))", dec("99.995")).startsWith("numeric field overflow"));
    rejected("CAST(a AS numeric(1,1))", 1L);
  }

  @Test
  void floatToNumericKeepsFifteenSignificantDigits() {
    assertValue(dec("0.3"), "CAST(a AS numeric)", 0.1 + 0.2);
    assertValue(dec("0.333333333333333"), "CAST(a AS numeric)", 1.0 / 3);
    assertValue(dec("100000000000000000000"), "CAST(a AS numeric)", 1e20);
    assertValue(dec("0.1"), "CAST(a AS numeric)", 0.1f);
    assertValue(dec("1.50"), "CAST(a AS numeric(5,2))", 1.5);
  }

  @Test
  void textToNumbersAcceptsSurroundingSpacesOnly() {
    assertValue(12L, "CAST(a AS int)", " 12 ");
    assertValue(5L, "CAST(a AS int8)", "+5");
    assertValue(dec("1.50"), "CAST(a AS numeric)", "1.50");
    assertValue(dec("1000"), "CAST(a AS numeric)", "1e3");
    assertValue(0.1, "CAST(a AS double precision)", "0.1");
    refused("CAST(a AS int)", "1.5");
    refused("CAST(a AS int)", "0x1F");
    rejected("CAST(a AS double precision)", "1e400");
  }

  @Test
  void booleanCastsFollowPostgres() {
    assertValue(1L, "CAST(a AS int)", true);
    refused("CAST(a AS bigint)", true);
    assertValue(true, "CAST(a AS boolean)", 5L);
    assertValue(false, "a::bool", 0L);
    assertValue(true, "CAST(a AS boolean)", " yes ");
    assertValue(false, "CAST(a AS boolean)", "of");
    assertValue(true, "CAST(a AS boolean)", "T");
    rejected("CAST(a AS boolean)", "o");
    refused("CAST(a AS numeric)", true);
  }

  @Test
  void castsToTextUsePostgresTextForms() {
    assertValue("1.50", "CAST(a AS text)", dec("1.50"));
    assertValue("true", "CAST(a AS text)", true);
    assertValue("2020-01-02 03:04:05.5", "CAST(a AS text)", LocalDateTime.of(2020, 1, 2, 3, 4, 5, 500_000_000));
    assertValue("2020-01-02", "CAST(a AS varchar)", LocalDate.of(2020, 1, 2));
    assertValue("10:00:00", "CAST(a AS text)", LocalTime.of(10, 0));
    assertValue("ab", "CAST(a AS varchar(2))", "abc");
    assertValue("12", "CAST(a AS character varying(2))", 1234L);
    assertValue("\uD83D\uDE00a", "CAST(a AS varchar(2))", "\uD83D\uDE00ab");
  }

  @Test
  void textFormsThatDependOnJavaOrTheSessionAreRefused() {
    refused("CAST(a AS text)", 0.1);
    refused("CAST(a AS text)", OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
    refused("CAST(a AS text)", LocalDate.of(-5, 1, 1));
  }

  @Test
  void temporalCasts() {
    assertValue(LocalDate.of(2020, 1, 1), "CAST(a AS date)", LocalDateTime.of(2020, 1, 1, 10, 30));
    assertValue(LocalTime.of(10, 30), "CAST(a AS time)", LocalDateTime.of(2020, 1, 1, 10, 30));
    assertValue(LocalDateTime.of(2020, 1, 1, 0, 0), "CAST(a AS timestamp)", LocalDate.of(2020, 1, 1));
    assertValue(LocalDateTime.of(2020, 1, 1, 10, 0), "a::timestamp", "2020-01-01T10:00");
    assertValue(LocalDate.of(2020, 1, 1), "CAST(a AS date)", " 2020-01-01 ");
    refused("CAST(a AS date)", "2020-02-30");
    refused("CAST(a AS timestamptz)", LocalDateTime.of(2020, 1, 1, 0, 0));
    refused("CAST(a AS date)", OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
  }

  @Test
  void uuidCastReadsTheStandardForm() {
    assertValue(UUID.fromString("6f9619ff-8b86-d011-b42d-00c04fc964ff"), "CAST(a AS uuid)",
        "6F9619FF-8B86-D011-B42D-00C04FC964FF");
    refused("CAST(a AS uuid)", "{6F9619FF-8B86-D011-B42D-00C04FC964FF}");
  }

  @Test
  void realAndFloatPrecision() {
    assertValue(0.1f, "CAST(a AS real)", dec("0.1"));
    assertValue(1.5f, "CAST(a AS float(24))", 1.5);
    assertValue(1.5, "CAST(a AS float(25))", 1.5f);
    rejected("CAST(a AS real)", 1e300);
  }

  @Test
  void nullCastsToNull() {
    assertValue(null, "CAST(a AS integer)", (Object) null);
    assertValue(null, "a::text", (Object) null);
  }

  @Test
  void typesWithoutAnExactInMemoryConversionAreRefusedByName() {
    String message = refused("CAST(a AS char(3))", "a");
    assertTrue(message.startsWith("CAST to char (3) would have to run in memory"), message);
    assertTrue(message.contains("blank-padded"), message);
    refused("CAST(a AS signed)", 1L);
    refused("CAST(a AS int[])", 1L);
    refused("CAST(a AS interval)", "1 day");
    refused("CAST(a AS timestamp(3))", "2020-01-01");
    refused("TRY_CAST(a AS int)", "1");
  }
}
