package io.xcluster.rewriter.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.xcluster.error.SqlState;
import io.xcluster.error.XClusterException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** JDBC parameters are bound at evaluation time, so one compiled expression serves every execution. */
class ParameterTest {

  @Test
  void questionMarksAreNumberedInTextualOrder() {
    Expr expr = Eval.compile("a BETWEEN ? AND ?");
    assertEquals(true, expr.eval(Eval.row(5L), new Object[] {1, 10}));
    assertEquals(false, expr.eval(Eval.row(5L), new Object[] {6, 10}));
  }

  @Test
  void numberedParametersKeepTheirNumber() {
    assertEquals(1L, Eval.compile("$2 - $1").eval(Eval.row(), new Object[] {2L, 3L}));
    assertEquals(true, Eval.compile("?1 = ?1").eval(Eval.row(), new Object[] {7}));
  }

  @Test
  void parameterValuesAreNormalized() {
    assertEquals(true, Eval.compile("a = ?").eval(Eval.row(new BigDecimal("1.0")), new Object[] {1}));
  }

  @Test
  void nullParameterIsSqlNull() {
    assertEquals(null, Eval.compile("a = ?").eval(Eval.row(1L), new Object[] {null}));
  }

  @Test
  void missingParameterIsAnError() {
    XClusterException failure = assertThrows(XClusterException.class,
        () -> Eval.compile("a = ?").eval(Eval.row(1L)));
    assertEquals(SqlState.INVALID_PARAMETER, failure.state());
    assertEquals("no value was supplied for parameter 1 (0 given)", failure.getMessage());
  }

  @Test
  void stringParameterIsTextNotAnUntypedLiteral() {
    // pgjdbc sends setString as varchar: date_column = ? with a String is an error in PostgreSQL.
    assertThrows(XClusterException.class, () -> Eval.compile("a = ?").eval(Eval.row(java.time.LocalDate.of(2024,
        1, 1)), new Object[] {"2024-01-01"}));
  }
}
