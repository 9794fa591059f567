package io.xcluster.rewriter.eval;

import static io.xcluster.rewriter.eval.Eval.dec;
import static io.xcluster.rewriter.eval.Eval.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.xcluster.rewriter.Dialect;
import java.util.Map;
import java.util.Optional;
import net.sf.jsqlparser.schema.Column;
import org.junit.jupiter.api.Test;

/** Division under a MySQL statement's rules; each expected value is what MariaDB 10.11 answered for the same SQL. */
class MysqlDivisionTest {

  private static Expr mysql(String sql, Map<String, ValueKind> kinds) {
    ColumnResolver postgres = Eval.resolver(kinds);
    return ExprCompiler.compile(Eval.parse(sql), new ColumnResolver() {
      @Override
      public int slotOf(Column column) {
        return postgres.slotOf(column);
      }

      @Override
      public Optional<ValueKind> kindOf(Column column) {
        return postgres.kindOf(column);
      }

      @Override
      public Dialect dialect() {
        return Dialect.MYSQL;
      }
    });
  }

  private static Object divide(Object a, Object b) {
    return mysql("a / b", Map.of()).eval(row(a, b));
  }

  @Test
  void integersDivideToADecimalWithFourDecimals() {
    assertEquals(dec("3.5000"), divide(7L, 2L));
    assertEquals(dec("0.3333"), divide(1, 3));
    assertEquals(dec("-0.6667"), divide(-2L, 3L), "rounded half up, away from zero");
  }

  @Test
  void decimalsKeepTheDividendsScalePlusFour() {
    assertEquals(dec("1.235000"), divide(dec("2.47"), 2L));
    assertEquals(dec("2.50000"), divide(dec("5.0"), 2L));
    assertEquals(dec("0.3333333333"), divide(dec("1.000000"), dec("3")));
  }

  @Test
  void zeroDivisorAndNullGiveNull() {
    assertNull(divide(5L, 0L));
    assertNull(divide(dec("5.5"), dec("0.00")));
    assertNull(divide(null, 2L));
    assertNull(divide(2.0, 0.0));
  }

  @Test
  void floatingOperandsDivideAsDoubles() {
    assertEquals(2.5, divide(5.0, 2L));
  }

  @Test
  void theResultKindIsDecimalForExactOperands() {
    assertEquals(Optional.of(ValueKind.NUMERIC),
        mysql("a / b", Map.of("a", ValueKind.INTEGER, "b", ValueKind.INTEGER)).kind());
    assertEquals(Optional.of(ValueKind.DOUBLE),
        mysql("a / b", Map.of("a", ValueKind.DOUBLE, "b", ValueKind.INTEGER)).kind());
    assertEquals(3L, Eval.eval("a / b", 7L, 2L), "PostgreSQL's rule stays the default: integer division");
  }
}
