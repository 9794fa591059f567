package io.xcluster.rewriter.eval;

import static io.xcluster.rewriter.eval.Eval.eval;
import static io.xcluster.rewriter.eval.Eval.refused;
import static io.xcluster.rewriter.eval.Eval.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** LIKE and ILIKE: whole-string match, % and _, backslash as the default escape. */
class LikeTest {

  @Test
  void percentMatchesAnyRunAndUnderscoreOneCharacter() {
    assertEquals(true, eval("a LIKE 'a%'", "abc"));
    assertEquals(true, eval("a LIKE '_b_'", "abc"));
    assertEquals(false, eval("a LIKE '_b'", "abc"));
    assertEquals(true, eval("a LIKE '%'", ""));
    assertEquals(true, eval("a LIKE '%iss%ipp%'", "mississippi"));
    assertEquals(false, eval("a LIKE '%a%a%a%'", "aa"));
  }

  @Test
  void wholeStringMustMatch() {
    assertEquals(false, eval("a LIKE 'b'", "abc"));
    assertEquals(false, eval("a LIKE 'ab'", "abc"));
  }

  @Test
  void wildcardsMatchNewlinesAndWholeCodePoints() {
    assertEquals(true, eval("a LIKE 'a_b'", "a\nb"));
    assertEquals(true, eval("a LIKE '_b'", "\uD83D\uDE00b"));
  }

  @Test
  void backslashIsTheDefaultEscape() {
    assertEquals(true, eval("a LIKE 'a\\%'", "a%"));
    assertEquals(false, eval("a LIKE 'a\\%'", "abc"));
    assertEquals(true, eval("a LIKE 'a\\_c'", "a_c"));
    assertEquals(false, eval("a LIKE 'a\\_c'", "abc"));
    assertEquals(true, eval("a LIKE 'a\\\\c'", "a\\c"));
    assertEquals(true, eval("a LIKE '\\a'", "a"));
  }

  @Test
  void explicitEscapeCharacter() {
    assertEquals(true, eval("a LIKE 'a!%' ESCAPE '!'", "a%"));
    assertEquals(false, eval("a LIKE 'a!%' ESCAPE '!'", "ab"));
    assertEquals(true, eval("a LIKE 'a\\b' ESCAPE '!'", "a\\b"));
    assertEquals(true, eval("a LIKE b ESCAPE c", "5%", "5#%", "#"));
  }

  @Test
  void emptyEscapeDisablesEscaping() {
    assertEquals(true, eval("a LIKE 'a%' ESCAPE ''", "a%"));
    assertEquals(true, eval("a LIKE 'a\\%' ESCAPE ''", "a\\xyz"));
  }

  @Test
  void escapeOfMoreThanOneCharacterIsAnError() {
    rejected("a LIKE 'x' ESCAPE 'ab'", "x");
  }

  @Test
  void patternEndingInTheEscapeIsRefused() {
    // PostgreSQL answers FALSE for 'x' LIKE 'x\' but raises an error for 'xy' LIKE 'x\'.
    refused("a LIKE 'x\\'", "x");
  }

  @Test
  void nullOperandsGiveNull() {
    assertNull(eval("a LIKE 'x'", (Object) null));
    assertNull(eval("'x' LIKE a", (Object) null));
    assertNull(eval("'x' LIKE 'x' ESCAPE a", (Object) null));
    assertNull(eval("a NOT LIKE 'x'", (Object) null));
  }

  @Test
  void notLikeNegates() {
    assertEquals(false, eval("a NOT LIKE '%c'", "abc"));
    assertEquals(true, eval("a NOT LIKE '%d'", "abc"));
  }

  @Test
  void ilikeFoldsAsciiCase() {
    assertEquals(true, eval("a ILIKE 'a_c'", "ABC"));
    assertEquals(false, eval("a NOT ILIKE '%b%'", "ABC"));
    assertEquals(true, eval("a ILIKE 'a\\xb'", "aXb"));
    assertEquals(false, eval("a LIKE 'a_c'", "ABC"));
  }

  @Test
  void ilikeOnNonAsciiTextIsRefused() {
    // Case folding of non-ASCII letters depends on the database's locale (lower('ẞ'), Turkish I...).
    refused("a ILIKE 'straße'", "STRASSE");
    refused("a ILIKE 'x'", "\u00C4");
  }

  @Test
  void likeOnNonTextIsRefused() {
    refused("a LIKE '1%'", 12L);
  }

  @Test
  void otherPatternLanguagesAreRefused() {
    refused("a SIMILAR TO 'x'", "x");
    refused("a ~ 'x'", "x");
  }
}
