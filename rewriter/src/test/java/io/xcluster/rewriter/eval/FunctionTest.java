package io.xcluster.rewriter.eval;

import static io.xcluster.rewriter.eval.Eval.assertValue;
import static io.xcluster.rewriter.eval.Eval.dec;
import static io.xcluster.rewriter.eval.Eval.eval;
import static io.xcluster.rewriter.eval.Eval.refused;
import static io.xcluster.rewriter.eval.Eval.rejected;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The scalar functions, with PostgreSQL's NULL handling. */
class FunctionTest {

  @ParameterizedTest
  @ValueSource(strings = {"LOWER(a)", "UPPER(a)", "LENGTH(a)", "CHAR_LENGTH(a)", "ABS(a)", "ROUND(a)",
      "ROUND(a, 2)", "ROUND(1.5, a)", "FLOOR(a)", "CEIL(a)", "CEILING(a)", "MOD(a, 2)", "MOD(2, a)",
      "SUBSTRING(a FROM 2)", "SUBSTRING('abc' FROM a FOR 2)", "SUBSTR(a, 1, 2)", "POSITION(a IN 'abc')",
      "STRPOS(a, 'b')", "TRIM(a)", "TRIM(BOTH a FROM 'xx')", "LTRIM(a)", "RTRIM('x', a)", "BTRIM(a)",
      "REPLACE(a, 'x', 'y')", "REPLACE('x', 'x', a)", "a || 'x'", "'x' || a", "-a", "a + 1", "a::int"})
  void nullArgumentGivesNull(String sql) {
    assertNull(eval(sql, (Object) null), sql);
  }

  @Test
  void concatSkipsNullsAndUsesOutputForms() {
    // PostgreSQL: concat(true, 1, NULL, 1.50) is 't11.50', while 'x' || true is 'xtrue'.
    assertValue("t11.50", "CONCAT(a, 1, NULL, 1.50)", true);
    assertValue("", "CONCAT(a)", (Object) null);
    assertValue("xtrue", "'x' || a", true);
    assertValue("2020-01-01x", "CONCAT(a, 'x')", LocalDate.of(2020, 1, 1));
  }

  @Test
  void caseFoldingIsAsciiOnly() {
    assertValue("abc", "LOWER(a)", "ABC");
    assertValue("ABC", "UPPER(a)", "abc");
    // upper('straße') is 'STRAßE' under glibc and 'STRASSE' under ICU: the database decides.
    refused("UPPER(a)", "straße");
    refused("LOWER(a)", "\u00C9");
  }

  @Test
  void lengthCountsCharactersNotBytes() {
    // MySQL's LENGTH counts bytes (6 for 'héllo' in utf8mb4); PostgreSQL counts characters.
    assertValue(5L, "LENGTH(a)", "héllo");
    assertValue(1L, "CHAR_LENGTH(a)", "\uD83D\uDE00");
    assertValue(3L, "LENGTH(a)", new byte[] {1, 2, 3});
  }

  @Test
  void substringIsOneBasedAndClipped() {
    assertValue("he", "SUBSTRING(a FROM 0 FOR 3)", "hello");
    assertValue("", "SUBSTRING(a FROM -5 FOR 3)", "hello");
    assertValue("llo", "SUBSTRING(a FROM 3)", "hello");
    assertValue("ello", "SUBSTRING(a, 2, 100)", "hello");
    assertValue("el", "SUBSTR(a, 2, 2)", "hello");
    assertValue("a", "SUBSTRING(a, 2, 1)", "\uD83D\uDE00ab");
    rejected("SUBSTRING(a FROM 2 FOR -1)", "hello");
    refused("SUBSTRING(a FROM 1.5)", "hello");
  }

  @Test
  void positionCountsCharactersFromOne() {
    assertValue(1L, "POSITION('' IN a)", "abc");
    assertValue(3L, "POSITION('c' IN a)", "abc");
    assertValue(0L, "POSITION('x' IN a)", "abc");
    assertValue(3L, "STRPOS(a, 'b')", "\uD83D\uDE00ab");
  }

  @Test
  void trimRemovesASetOfCharacters() {
    assertValue("a", "TRIM(a)", "  a  ");
    assertValue("a", "TRIM(BOTH 'xy' FROM a)", "xyaxyx");
    assertValue("axx", "TRIM(LEADING 'x' FROM a)", "xxaxx");
    assertValue("xxa", "TRIM(TRAILING 'x' FROM a)", "xxaxx");
    assertValue("a  ", "TRIM(LEADING FROM a)", "  a  ");
    assertValue("a", "LTRIM(a, 'x')", "xxa");
    assertValue("a", "RTRIM(a, 'x')", "axx");
    assertValue("a", "BTRIM(a, 'x')", "xax");
    assertValue("\ta", "LTRIM(a)", " \ta");
  }

  @Test
  void replaceWithAnEmptySearchChangesNothing() {
    assertValue("abc", "REPLACE(a, '', 'x')", "abc");
    assertValue("aYaY", "REPLACE(a, 'b', 'Y')", "abab");
    assertValue("ba", "REPLACE(a, 'aa', 'b')", "aaa");
  }

  @Test
  void roundingFunctionsFollowTheArgumentType() {
    assertValue(dec("3"), "ROUND(a)", dec("2.5"));
    assertValue(dec("-3"), "ROUND(a)", dec("-2.5"));
    assertValue(2.0, "ROUND(a)", 2.5);
    assertValue(5.0, "ROUND(a)", 5L);
    assertValue(dec("1.500"), "ROUND(a, 3)", dec("1.5"));
    assertValue(dec("1200"), "ROUND(a, -2)", dec("1234.567"));
    assertValue(dec("5.0"), "ROUND(a, 1)", 5L);
    refused("ROUND(a, 1)", 2.5);
    assertValue(dec("-2"), "FLOOR(a)", dec("-1.5"));
    assertValue(dec("0"), "CEIL(a)", dec("-0.5"));
    assertValue(5.0, "CEILING(a)", 5L);
    assertValue(2.0, "FLOOR(a)", 2.7);
  }

  @Test
  void absKeepsTheType() {
    assertValue(5L, "ABS(a)", -5);
    assertValue(dec("1.50"), "ABS(a)", dec("-1.50"));
    assertValue(2.5, "ABS(a)", -2.5);
    rejected("ABS(a)", Long.MIN_VALUE);
    refused("ABS(a)", "-1");
  }

  @Test
  void functionsOnTheWrongTypeAreRefusedNotConverted() {
    refused("LOWER(a)", 1L);
    refused("LENGTH(a)", 12L);
    refused("REPLACE(a, 1, 2)", "a1");
  }
}
