package io.xcluster.rewriter.eval;

import static io.xcluster.rewriter.eval.Eval.eval;
import static io.xcluster.rewriter.eval.Eval.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SQL's three-valued logic: null stands for UNKNOWN; only TRUE passes a WHERE. */
class ThreeValuedLogicTest {
  private static final Boolean T = Boolean.TRUE;
  private static final Boolean F = Boolean.FALSE;
  private static final Boolean U = null;
  private static final List<Boolean> VALUES = Arrays.asList(T, F, U);

  /** The standard truth tables, indexed [a][b] in the order TRUE, FALSE, UNKNOWN. */
  private static final Boolean[][] AND = {{T, F, U}, {F, F, F}, {U, F, U}};
  private static final Boolean[][] OR = {{T, T, T}, {T, F, U}, {T, U, U}};

  @Test
  void andFollowsTheTruthTable() {
    for (int a = 0; a < 3; a++) {
      for (int b = 0; b < 3; b++) {
        assertEquals(AND[a][b], eval("a AND b", VALUES.get(a), VALUES.get(b)), VALUES.get(a) + " AND " + VALUES.get(b));
      }
    }
  }

  @Test
  void orFollowsTheTruthTable() {
    for (int a = 0; a < 3; a++) {
      for (int b = 0; b < 3; b++) {
        assertEquals(OR[a][b], eval("a OR b", VALUES.get(a), VALUES.get(b)), VALUES.get(a) + " OR " + VALUES.get(b));
      }
    }
  }

  @Test
  void notOfUnknownIsUnknown() {
    assertEquals(F, eval("NOT a", T));
    assertEquals(T, eval("NOT a", F));
    assertEquals(U, eval("NOT a", U));
  }

  @Test
  void comparisonWithNullIsUnknownEvenForNullItself() {
    assertEquals(U, eval("a = b", null, null));
    assertEquals(U, eval("a <> b", 1, null));
    assertEquals(U, eval("a < b", null, 1));
  }

  @Test
  void isTrueIsFalseAndIsUnknownNeverReturnUnknown() {
    assertEquals(T, eval("a IS TRUE", T));
    assertEquals(F, eval("a IS TRUE", U));
    assertEquals(T, eval("a IS NOT TRUE", U));
    assertEquals(F, eval("a IS FALSE", U));
    assertEquals(T, eval("a IS NOT FALSE", U));
    assertEquals(T, eval("a IS UNKNOWN", U));
    assertEquals(F, eval("a IS NOT UNKNOWN", U));
    assertEquals(T, eval("a IS FALSE", F));
  }

  @Test
  void isNullAndItsPostgresSpellings() {
    assertEquals(T, eval("a IS NULL", (Object) null));
    assertEquals(F, eval("a IS NOT NULL", (Object) null));
    assertEquals(T, eval("a ISNULL", (Object) null));
    assertEquals(T, eval("a NOTNULL", 0L));
    assertEquals(T, eval("NOT a IS NULL", 0L));
  }

  @Test
  void isDistinctFromTreatsNullAsAValue() {
    assertEquals(F, eval("a IS DISTINCT FROM b", null, null));
    assertEquals(T, eval("a IS DISTINCT FROM b", 1L, null));
    assertEquals(F, eval("a IS DISTINCT FROM b", 1L, Eval.dec("1.00")));
    assertEquals(T, eval("a IS NOT DISTINCT FROM b", null, null));
  }

  @Test
  void andDoesNotEvaluateTheRightSideOnceFalse() {
    // 1/0 on the right would be an error; FALSE on the left decides (PostgreSQL may also skip it).
    assertEquals(F, eval("a AND 1 / 0 = 1", F));
    assertEquals(T, eval("a OR 1 / 0 = 1", T));
  }

  @Test
  void whereKeepsOnlyTrue() {
    assertTrue(Predicate.isTrue(Boolean.TRUE));
    assertFalse(Predicate.isTrue(Boolean.FALSE));
    assertFalse(Predicate.isTrue(null));
  }

  @Test
  void numbersAreNotTruthValuesAsInPostgres() {
    // MySQL accepts WHERE 1 and 1 AND 0; PostgreSQL rejects a non-boolean condition.
    refused("a AND b", 1L, T);
    refused("NOT a", 0L);
    refused("CASE WHEN a THEN 1 END", 1L);
    assertEquals("a bigint value used as the condition of WHERE/ON/HAVING would have to run in memory "
        + "across clusters, which xcluster does not support (PostgreSQL requires a boolean there (MySQL "
        + "treats numbers as truth values)). Fix: rewrite the query so that this part runs inside a single "
        + "cluster", org.junit.jupiter.api.Assertions.assertThrows(io.xcluster.error.XClusterException.class,
            () -> Predicate.isTrue(1L)).getMessage());
  }
}
