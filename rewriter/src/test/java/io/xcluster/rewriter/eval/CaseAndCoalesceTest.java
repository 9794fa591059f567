package io.xcluster.rewriter.eval;

import static io.xcluster.rewriter.eval.Eval.assertValue;
import static io.xcluster.rewriter.eval.Eval.dec;
import static io.xcluster.rewriter.eval.Eval.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.xcluster.error.SqlState;
import io.xcluster.error.XClusterException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** CASE, COALESCE, NULLIF, GREATEST and LEAST, including PostgreSQL's common result type. */
class CaseAndCoalesceTest {

  @Test
  void searchedCaseTakesTheFirstTrueBranch() {
    assertValue("b", "CASE WHEN a > 2 THEN 'a' WHEN a > 1 THEN 'b' ELSE 'c' END", 2L);
    assertValue("c", "CASE WHEN a > 2 THEN 'a' ELSE 'c' END", 1L);
  }

  @Test
  void unknownConditionIsNotTrue() {
    assertValue(2L, "CASE WHEN a THEN 1 ELSE 2 END", (Object) null);
    assertValue(2L, "CASE WHEN a > 1 THEN 1 ELSE 2 END", (Object) null);
  }

  @Test
  void missingElseGivesNull() {
    assertValue(null, "CASE WHEN a = 1 THEN 'x' END", 2L);
  }

  @Test
  void simpleCaseComparesWithEqualsSoNullMatchesNothing() {
    assertValue("b", "CASE a WHEN 1 THEN 'a' WHEN 2 THEN 'b' END", 2L);
    assertValue("none", "CASE a WHEN NULL THEN 'null' ELSE 'none' END", (Object) null);
    assertValue("x", "CASE a WHEN 1.0 THEN 'x' END", 1);
    assertValue("jan", "CASE a WHEN '2024-01-31' THEN 'jan' END", LocalDate.of(2024, 1, 31));
  }

  @Test
  void caseResultHasTheCommonTypeOfAllBranches() {
    // PostgreSQL: CASE WHEN true THEN 1 ELSE 2.5 END is numeric 1, so / 2 is 0.5, not 0.
    assertValue(dec("1"), "CASE WHEN a THEN 1 ELSE 2.5 END", true);
    assertValue(dec("0.50000000000000000000"), "CASE WHEN a THEN 1 ELSE 2.5 END / 2", true);
    assertValue(2.0, "CASE WHEN a THEN CAST(1.5 AS double precision) ELSE 2 END", false);
    assertValue(LocalDateTime.of(2020, 1, 1, 0, 0),
        "CASE WHEN a THEN DATE '2020-01-01' ELSE TIMESTAMP '2020-01-01 10:00' END", true);
  }

  @Test
  void otherBranchesAreTypedFromTheRowWithoutBeingEvaluated() {
    // The guard pattern: the ELSE branch would divide by zero, but only its type matters, as in PostgreSQL.
    assertValue(0L, "CASE WHEN b = 0 THEN 0 ELSE a / b END", 7L, 0L);
    // With a numeric, PostgreSQL's result type is numeric even when the integer branch is taken.
    assertValue(dec("0"), "CASE WHEN b = 0 THEN 0 ELSE a / b END", dec("7.5"), 0L);
    assertValue(dec("2.5000000000000000"), "CASE WHEN b = 0 THEN 0 ELSE a / b END", dec("7.5"), 3L);
  }

  @Test
  void branchesThatPostgresCannotUnifyAreRefused() {
    refused("CASE WHEN a THEN 1 ELSE 'x' END", true);
    refused("CASE WHEN a THEN 1 ELSE true END", true);
  }

  private static final Map<String, ValueKind> INTEGERS =
      Map.of("a", ValueKind.INTEGER, "b", ValueKind.INTEGER, "c", ValueKind.INTEGER);

  @Test
  void coalesceReturnsTheFirstNonNull() {
    assertEquals(2L, Eval.compile("COALESCE(a, b, c)", INTEGERS).eval(Eval.row(null, 2L, 3L)));
    assertValue(null, "COALESCE(a, b)", null, null);
    assertValue("x", "COALESCE(a, 'n/a')", "x");
  }

  @Test
  void untypedFallbackNeedsTheColumnsKindWhenTheColumnIsNull() {
    // PostgreSQL reads 'n/a' as the column's type: text if the column is text, an error if it is a date,
    // the integer 0 for COALESCE(int_column, '0'). Without a declared kind the row is refused.
    refused("COALESCE(a, 'n/a')", (Object) null);
    Expr text = Eval.compile("COALESCE(a, 'n/a')", Map.of("a", ValueKind.TEXT));
    assertEquals("n/a", text.eval(Eval.row((Object) null)));
    Expr integer = Eval.compile("COALESCE(a, '0')", Map.of("a", ValueKind.INTEGER));
    assertEquals(0L, integer.eval(Eval.row((Object) null)));
  }

  @Test
  void coalesceDoesNotEvaluateLaterArguments() {
    assertValue(1L, "COALESCE(a, 1 / 0)", 1L);
  }

  @Test
  void coalesceOfLiteralsTakesTheirCommonType() {
    assertValue(dec("1"), "COALESCE(1, 2.5)");
    assertValue(3L, "COALESCE(CAST(NULL AS integer), 7) / 2");
    assertValue(dec("3.5000000000000000"), "COALESCE(NULL, 7.0) / 2");
    assertValue(LocalDate.of(2020, 1, 1), "COALESCE(NULL, CAST('2020-01-01' AS date), '2021-01-01')");
  }

  @Test
  void coalesceWithDeclaredColumnKindsConvertsTheFallback() {
    // PostgreSQL: COALESCE(numeric_column, 7) is numeric, so with a NULL column / 2 gives 3.5.
    Expr numeric = Eval.compile("COALESCE(a, 7) / 2", Map.of("a", ValueKind.NUMERIC));
    assertEquals(dec("3.5000000000000000"), numeric.eval(Eval.row((Object) null)));
    assertEquals(Optional.of(ValueKind.NUMERIC), Eval.compile("COALESCE(a, 7)", Map.of("a", ValueKind.NUMERIC))
        .kind());
    Expr integer = Eval.compile("COALESCE(a, 7) / 2", Map.of("a", ValueKind.INTEGER));
    assertEquals(3L, integer.eval(Eval.row((Object) null)));
    Expr date = Eval.compile("COALESCE(a, '2024-01-31')", Map.of("a", ValueKind.DATE));
    assertEquals(LocalDate.of(2024, 1, 31), date.eval(Eval.row((Object) null)));
  }

  @Test
  void coalesceLearnsUndeclaredKindsFromTheRow() {
    // b is numeric in this row, so the integer from a becomes numeric, as PostgreSQL types the result.
    assertValue(dec("7"), "COALESCE(a, b)", 7L, dec("2.5"));
    assertValue(7L, "COALESCE(a, b)", 7L, 2L);
  }

  @Test
  void coalesceRefusesWhenAnUndeclaredNullColumnCouldWidenTheResult() {
    // With b NULL its type is unknown: if it were numeric, PostgreSQL would return the numeric 7.
    XClusterException refusal = assertThrows(XClusterException.class,
        () -> Eval.compile("COALESCE(a, 7)").eval(Eval.row((Object) null)));
    assertEquals(SqlState.FEATURE_NOT_SUPPORTED, refusal.state());
    refused("COALESCE(a, b)", 7L, null);
    // Text cannot be widened, so the answer is certain.
    assertValue("x", "COALESCE(a, b)", "x", null);
    assertValue(1.5, "COALESCE(a, b)", 1.5, null);
  }

  @Test
  void nullifReturnsNullOnlyWhenEqual() {
    assertValue(null, "NULLIF(a, 1)", 1L);
    assertValue(2L, "NULLIF(a, 1)", 2L);
    assertValue(null, "NULLIF(a, 1)", (Object) null);
    assertValue(2L, "NULLIF(a, NULL)", 2L);
    assertValue(null, "NULLIF(a, '')", "");
  }

  @Test
  void nullifPromotesTheFirstArgumentLikeTheComparisonDoes() {
    // PostgreSQL: NULLIF(1, 2.5) is numeric 1; NULLIF('1', 2) is integer 1; NULLIF(date, timestamp) is a date.
    assertValue(dec("1"), "NULLIF(1, 2.5)");
    assertValue(1L, "NULLIF('1', 2)");
    assertValue(1.5, "NULLIF(1.5, CAST(2 AS double precision))");
    assertValue(LocalDate.of(2020, 1, 1), "NULLIF(a, TIMESTAMP '2020-01-01 10:00')", LocalDate.of(2020, 1, 1));
  }

  @Test
  void nullifRefusesWhenTheSecondArgumentsTypeCannotBeTold() {
    refused("NULLIF(a, b)", 1L, null);
    assertValue("x", "NULLIF(a, b)", "x", null);
    Expr declared = Eval.compile("NULLIF(a, b)", Map.of("b", ValueKind.NUMERIC));
    assertEquals(dec("1"), declared.eval(Eval.row(1L, null)));
  }

  @Test
  void greatestAndLeastIgnoreNulls() {
    // PostgreSQL ignores NULL arguments; MySQL would return NULL.
    assertEquals(3L, Eval.compile("GREATEST(a, b, c)", INTEGERS).eval(Eval.row(1L, null, 3L)));
    assertValue(dec("2.5"), "LEAST(3, 2.5, NULL)");
    assertValue(null, "GREATEST(a, b)", null, null);
    assertValue("b", "GREATEST('a', 'b')");
    assertValue(LocalDate.of(2020, 1, 1), "LEAST(DATE '2020-01-02', '2020-01-01')");
  }

  @Test
  void greatestConvertsToTheCommonTypeBeforeComparing() {
    assertValue(dec("3"), "GREATEST(3, 2.5)");
    assertValue(2L, "GREATEST(1, '2')");
    refused("GREATEST(a, b)", "1", 2L);
  }

  @Test
  void conditionalFormsNeedTheirArguments() {
    refused("NULLIF(a)", 1L);
    refused("COALESCE()", 1L);
  }
}
