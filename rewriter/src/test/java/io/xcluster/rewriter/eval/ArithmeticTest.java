package io.xcluster.rewriter.eval;

import static io.xcluster.rewriter.eval.Eval.assertValue;
import static io.xcluster.rewriter.eval.Eval.dec;
import static io.xcluster.rewriter.eval.Eval.refused;
import static io.xcluster.rewriter.eval.Eval.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** PostgreSQL's arithmetic: type promotion, integer division, numeric scales, errors. */
class ArithmeticTest {

  @Test
  void integerDivisionTruncatesTowardZero() {
    assertValue(3L, "a / b", 7, 2);
    assertValue(-3L, "a / b", -7, 2);
    assertValue(-3L, "a / b", 7L, -2L);
    assertValue(0L, "a / b", 2, 3);
  }

  @Test
  void moduloTakesTheSignOfTheDividend() {
    assertValue(-1L, "a % b", -7, 2);
    assertValue(1L, "a % b", 7, -2);
    assertValue(-1L, "MOD(a, b)", -7L, 2L);
    assertValue(dec("1.5"), "a % b", dec("10.5"), 3L);
    assertValue(dec("1.00"), "a % b", 10L, dec("3.00"));
  }

  @Test
  void integerWithNumericIsNumeric() {
    assertValue(dec("3.5000000000000000"), "a / b", 7L, dec("2.0"));
    assertValue(dec("3.5"), "a + b", 1L, dec("2.5"));
  }

  @Test
  void numericDivisionHasPostgresScale() {
    // select_div_scale: at least 16 significant digits, at least either operand's scale.
    assertValue(dec("0.33333333333333333333"), "a / b", dec("1.0"), 3L);
    assertValue(dec("2.5000000000000000"), "a / b", dec("10.0"), 4L);
    assertValue(dec("33.3333333333333333"), "a / b", dec("100.0"), dec("3.0"));
    assertValue(dec("0.000000333333333333333333"), "a / b", dec("0.000001"), 3L);
  }

  @Test
  void numericDivisionRoundsHalfAwayFromZero() {
    // 2 / 3.000000000000000000000000 is 0.666666666666666666666667 in PostgreSQL.
    assertValue(dec("0.666666666666666666666667"), "a / b", 2L, dec("3.000000000000000000000000"));
    assertValue(dec("-0.33333333333333333333"), "a / b", dec("-1.0"), 3L);
  }

  @Test
  void numericAdditionAndMultiplicationKeepPostgresScales() {
    assertValue(dec("0.30"), "a + b", dec("0.1"), dec("0.20"));
    assertValue(dec("3.000"), "a * b", dec("1.50"), dec("2.0"));
  }

  @Test
  void anythingWithDoubleIsDouble() {
    assertValue(10.5, "a * b", 7L, 1.5);
    assertValue(0.30000000000000004, "a + b", 0.1, 0.2);
    assertValue(0.30000000000000004, "a + b", dec("0.1"), 0.2);
  }

  @Test
  void realWithRealStaysSinglePrecision() {
    assertValue(0.1f + 0.2f, "a + b", 0.1f, 0.2f);
    // real with anything else is double precision: 0.1::real + 0.1 = 0.20000000149011612.
    assertValue(0.20000000149011612, "a + b", 0.1f, dec("0.1"));
  }

  @Test
  void divisionByZeroIsAnErrorForEveryType() {
    assertEquals("division by zero (SQLSTATE 22012 in PostgreSQL)", rejected("a / b", 1L, 0L));
    rejected("a / b", dec("1.0"), dec("0.00"));
    rejected("a / b", 1.0, 0.0);
    rejected("a % b", 1L, 0L);
    rejected("MOD(a, b)", dec("1.5"), 0L);
  }

  @Test
  void bigintOverflowIsAnErrorNotAWrapAround() {
    rejected("a + 1", Long.MAX_VALUE);
    rejected("a * 2", Long.MAX_VALUE);
    rejected("a / -1", Long.MIN_VALUE);
    rejected("-a", Long.MIN_VALUE);
    assertValue(0L, "a % -1", Long.MIN_VALUE);
  }

  @Test
  void floatOverflowAndUnderflowAreErrors() {
    assertEquals("value out of range: overflow", rejected("a * 10", 1e308));
    assertEquals("value out of range: underflow", rejected("a * b", 1e-300, 1e-300));
    assertValue(Double.POSITIVE_INFINITY, "a * 2", Double.POSITIVE_INFINITY);
  }

  @Test
  void floatModuloDoesNotExistInPostgres() {
    refused("a % 2", 5.5);
    refused("MOD(a, 2)", 5.5f);
  }

  @Test
  void unaryMinusNegatesAndLiteralsFoldLikePostgres() {
    assertValue(-1.5, "-a", 1.5);
    assertValue(dec("-1.50"), "-a", dec("1.50"));
    assertValue(Long.MIN_VALUE, "-9223372036854775808");
    assertValue(dec("9223372036854775808"), "9223372036854775808");
    assertValue(5L, "+a", 5L);
  }

  @Test
  void nullOperandGivesNull() {
    assertValue(null, "a + b", 1L, null);
    assertValue(null, "a / b", null, 0L);
  }

  @Test
  void arithmeticOnTextIsRefused() {
    // PostgreSQL would read the untyped '2' as an integer; text from a column is an error. Neither is guessed.
    refused("a + '2'", 1L);
    refused("a + b", "1", 2L);
    refused("-a", "1");
  }

  @Test
  void dateArithmeticIsRefused() {
    refused("a + 1", java.time.LocalDate.of(2024, 1, 1));
  }
}
