package io.xcluster.rewriter.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Normalization of driver values, and the kinds the evaluator knows. */
class ValuesTest {

  @Test
  void integralTypesBecomeLong() {
    assertEquals(7L, Values.normalize(7));
    assertEquals(7L, Values.normalize((short) 7));
    assertEquals(7L, Values.normalize((byte) 7));
    assertEquals(Long.MAX_VALUE, Values.normalize(BigInteger.valueOf(Long.MAX_VALUE)));
  }

  @Test
  void bigIntegerBeyondBigintBecomesBigDecimal() {
    BigInteger unsignedMax = new BigInteger("18446744073709551615");
    assertEquals(new BigDecimal(unsignedMax), Values.normalize(unsignedMax));
  }

  @Test
  void floatStaysFloatSoRealRulesCanApply() {
    assertEquals(0.1f, Values.normalize(0.1f));
  }

  @Test
  void otherValuesAreUnchanged() {
    LocalDate date = LocalDate.of(2024, 1, 31);
    assertSame(date, Values.normalize(date));
    assertEquals(null, Values.normalize(null));
  }

  @Test
  void declaredColumnKindIsCheckedAndWidened() {
    Expr numeric = Eval.compile("a", Map.of("a", ValueKind.NUMERIC));
    assertEquals(new BigDecimal("7"), numeric.eval(Eval.row(7)));
    assertEquals(Optional.of(ValueKind.NUMERIC), numeric.kind());
    Expr text = Eval.compile("a", Map.of("a", ValueKind.TEXT));
    assertEquals(io.xcluster.error.SqlState.INTERNAL_ERROR, org.junit.jupiter.api.Assertions.assertThrows(
        io.xcluster.error.XClusterException.class, () -> text.eval(Eval.row(7))).state());
  }
}
