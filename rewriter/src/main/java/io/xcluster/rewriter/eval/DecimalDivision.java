package io.xcluster.rewriter.eval;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The scale PostgreSQL gives a numeric quotient ({@code select_div_scale} in {@code numeric.c}): at least 16
 * significant digits, at least the scale of either operand, at most 1000. PostgreSQL stores numerics in
 * base-10000 digits, and the estimate uses the weight and the value of the first such digit of each
 * operand, so this reproduces that arithmetic exactly; the quotient is then rounded half away from zero.
 */
public final class DecimalDivision {
  private static final int MIN_SIGNIFICANT_DIGITS = 16;
  private static final int DECIMAL_DIGITS_PER_DIGIT = 4;
  private static final int MAX_DISPLAY_SCALE = 1000;

  private DecimalDivision() {}

  /** {@code dividend / divisor} as PostgreSQL's numeric division gives it (and so its AVG: sum / count). */
  public static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
    return dividend.divide(divisor, resultScale(dividend, divisor), RoundingMode.HALF_UP);
  }

  static int resultScale(BigDecimal dividend, BigDecimal divisor) {
    int quotientWeight = weight(dividend) - weight(divisor);
    if (firstDigit(dividend) <= firstDigit(divisor)) {
      quotientWeight--;
    }
    int scale = MIN_SIGNIFICANT_DIGITS - quotientWeight * DECIMAL_DIGITS_PER_DIGIT;
    scale = Math.max(scale, Math.max(dividend.scale(), divisor.scale()));
    return Math.min(Math.max(scale, 0), MAX_DISPLAY_SCALE);
  }

  /** The power of 10000 of the first non-zero base-10000 digit; 0 for zero. */
  private static int weight(BigDecimal value) {
    if (value.signum() == 0) {
      return 0;
    }
    int leadingDecimalExponent = value.precision() - value.scale() - 1;
    return Math.floorDiv(leadingDecimalExponent, DECIMAL_DIGITS_PER_DIGIT);
  }

  /** The first non-zero base-10000 digit (1..9999); 0 for zero. */
  private static int firstDigit(BigDecimal value) {
    if (value.signum() == 0) {
      return 0;
    }
    return value.abs().movePointLeft(DECIMAL_DIGITS_PER_DIGIT * weight(value))
        .setScale(0, RoundingMode.DOWN).intValueExact();
  }
}
