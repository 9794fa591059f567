package io.xcluster.rewriter.eval;

import static io.xcluster.rewriter.eval.Eval.dec;
import static io.xcluster.rewriter.eval.Eval.eval;
import static io.xcluster.rewriter.eval.Eval.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** IN and NOT IN follow from = and OR: a NULL anywhere turns a non-match into UNKNOWN. */
class InListTest {

  @Test
  void matchIsTrueEvenWithNullInTheList() {
    assertEquals(true, eval("a IN (1, NULL)", 1L));
    assertEquals(false, eval("a NOT IN (1, NULL)", 1L));
  }

  @Test
  void noMatchWithNullInTheListIsUnknown() {
    assertNull(eval("a IN (1, NULL)", 2L));
    assertNull(eval("a NOT IN (1, NULL)", 2L));
    assertFalse(Predicate.isTrue(eval("a NOT IN (1, NULL)", 2L)));
  }

  @Test
  void nullOperandIsUnknown() {
    assertNull(eval("a IN (1, 2)", (Object) null));
    assertNull(eval("a NOT IN (1, 2)", (Object) null));
  }

  @Test
  void noMatchWithoutNullsIsFalse() {
    assertEquals(false, eval("a IN (1, 2)", 3L));
    assertEquals(true, eval("a NOT IN (1, 2)", 3L));
  }

  @Test
  void nullItemsFromColumnsCountLikeNullLiterals() {
    assertNull(eval("a IN (b, c)", 1L, null, 2L));
    assertEquals(true, eval("a IN (b, c)", 2L, null, 2L));
  }

  @Test
  void itemsCompareByValueAcrossNumericTypes() {
    assertEquals(true, eval("a IN (1.00, 7)", 1));
    assertEquals(true, eval("a IN (b)", dec("2.50"), 2.5));
    assertEquals(true, eval("a IN (b)", 3L, dec("3.000")));
  }

  @Test
  void untypedStringItemsAreReadAsTheOperandsType() {
    assertEquals(true, eval("a IN ('2024-01-31', '2024-02-01')", LocalDate.of(2024, 2, 1)));
    assertEquals(true, eval("a IN ('1', '2')", 2L));
  }

  @Test
  void textColumnAgainstNumberIsRefused() {
    refused("a IN (1, 2)", "1");
  }

  @Test
  void realMixedWithExactNumbersIsRefused() {
    // PostgreSQL: 0.1::real IN (0.1, 0.2) is TRUE (list unified as real) but 0.1::real = 0.1 is FALSE.
    refused("a IN (0.1, 0.2)", 0.1f);
    assertEquals(true, eval("a IN (b, c)", 0.1f, 0.1f, 0.2f));
  }

  @Test
  void rowValuesAndSubqueriesAreRefused() {
    refused("(a, b) IN ((1, 2))", 1L, 2L);
    assertEquals("the IN (SELECT 1) would have to run in memory across clusters, which xcluster does not "
        + "support (only IN with a list of values is evaluated in memory, not IN a subquery). Fix: rewrite "
        + "the query so that this part runs inside a single cluster", refused("a IN (SELECT 1)", 1L));
  }
}
