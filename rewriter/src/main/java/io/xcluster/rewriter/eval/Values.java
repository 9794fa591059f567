package io.xcluster.rewriter.eval;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Normalization of the values a JDBC driver hands out into the few classes the evaluator computes with.
 *
 * <p>Integral types ({@link Integer}, {@link Short}, {@link Byte}, {@link BigInteger} within the bigint
 * range) become {@link Long}; a {@link BigInteger} beyond it becomes a {@link BigDecimal}. {@link Float}
 * deliberately stays a {@code Float}: widening it to {@code Double} is exact but would lose the fact that
 * the column is {@code real}, and PostgreSQL computes {@code real + real} in single precision and unifies
 * {@code real} with {@code numeric} as {@code real}; keeping the class is what lets the evaluator follow those
 * rules or refuse. Everything else is returned unchanged: the driver converts {@code java.sql} temporal types
 * to {@code java.time} before calling (this module never sees {@code java.sql}).
 */
public final class Values {
  private static final int LONG_BITS = 63;

  private Values() {}

  public static Object normalize(Object value) {
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger big) {
      return big.bitLength() <= LONG_BITS ? (Object) big.longValue() : new BigDecimal(big);
    }
    return value;
  }

  /** The PostgreSQL type name of a value, for messages; {@code "null"} for null. */
  static String typeName(Object value) {
    if (value == null) {
      return "null";
    }
    return ValueKind.find(value).map(ValueKind::sqlName).orElse("Java " + value.getClass().getName());
  }
}
