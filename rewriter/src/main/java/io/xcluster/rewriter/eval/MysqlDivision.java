package io.xcluster.rewriter.eval;

import io.xcluster.error.SqlState;
import io.xcluster.error.XClusterException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * {@code left / right} as MySQL computes it, for statements whose answer is MySQL's: exact numbers (integers
 * too) divide to a DECIMAL with the dividend's scale plus 4 decimals ({@code div_precision_increment}), rounded
 * half up ({@code 7 / 2} is {@code 3.5000}); a floating operand gives a DOUBLE; a zero divisor gives NULL.
 */
record MysqlDivision(Expr left, Expr right) implements Expr {
  private static final int PRECISION_INCREMENT = 4;

  @Override
  public Object eval(Object[] row, Object[] params) {
    Object x = left.eval(row, params);
    Object y = right.eval(row, params);
    if (x == null || y == null) {
      return null;
    }
    if (!(x instanceof Number dividend) || !(y instanceof Number divisor)) {
      throw new XClusterException(SqlState.FEATURE_NOT_SUPPORTED, "a division of non-numbers in memory ("
          + x.getClass().getSimpleName() + " / " + y.getClass().getSimpleName() + ")");
    }
    if (floating(dividend) || floating(divisor)) {
      double by = divisor.doubleValue();
      return by == 0 ? null : dividend.doubleValue() / by;
    }
    BigDecimal exactDivisor = exact(divisor);
    if (exactDivisor.signum() == 0) {
      return null;
    }
    BigDecimal exactDividend = exact(dividend);
    return exactDividend.divide(exactDivisor, Math.max(exactDividend.scale(), 0) + PRECISION_INCREMENT,
        RoundingMode.HALF_UP);
  }

  private static boolean floating(Number value) {
    return value instanceof Double || value instanceof Float;
  }

  private static BigDecimal exact(Number value) {
    return value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
  }

  @Override
  public Optional<ValueKind> kind() {
    return resultKind(left.kind(), right.kind());
  }

  @Override
  public Optional<ValueKind> kindIn(Object[] row, Object[] params) {
    return resultKind(left.kindIn(row, params), right.kindIn(row, params));
  }

  private static Optional<ValueKind> resultKind(Optional<ValueKind> x, Optional<ValueKind> y) {
    if (x.isEmpty() || y.isEmpty() || !x.get().isNumeric() || !y.get().isNumeric()) {
      return Optional.empty();
    }
    boolean floating = x.get() == ValueKind.DOUBLE || x.get() == ValueKind.REAL || y.get() == ValueKind.DOUBLE
        || y.get() == ValueKind.REAL;
    return Optional.of(floating ? ValueKind.DOUBLE : ValueKind.NUMERIC);
  }
}
