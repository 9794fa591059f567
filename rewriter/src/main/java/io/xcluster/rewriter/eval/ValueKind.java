package io.xcluster.rewriter.eval;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The SQL type families the evaluator distinguishes, each with the one Java class that carries it after
 * {@link Values#normalize}. PostgreSQL's answers depend on the declared type, not only on the value: an
 * integer divided by an integer truncates, {@code COALESCE(numeric_column, 7)} is a numeric 7, a
 * {@code real} plus a {@code real} is computed in single precision. The integral types (smallint, integer,
 * bigint) share {@link #INTEGER} because widening them never changes a value.
 */
public enum ValueKind {
  BOOLEAN("boolean", Boolean.class),
  INTEGER("bigint", Long.class),
  NUMERIC("numeric", BigDecimal.class),
  /** {@code real} (float4), carried as {@link Float} so that single-precision rules can be kept. */
  REAL("real", Float.class),
  DOUBLE("double precision", Double.class),
  TEXT("text", String.class),
  BYTEA("bytea", byte[].class),
  UUID("uuid", java.util.UUID.class),
  DATE("date", LocalDate.class),
  TIME("time", LocalTime.class),
  TIMESTAMP("timestamp", LocalDateTime.class),
  TIMESTAMPTZ("timestamp with time zone", OffsetDateTime.class);

  /** {@code values()} copies its array on every call; lookups per value use this one. */
  private static final ValueKind[] KINDS = values();

  private final String sqlName;
  private final Class<?> javaClass;

  ValueKind(String sqlName, Class<?> javaClass) {
    this.sqlName = sqlName;
    this.javaClass = javaClass;
  }

  /** The PostgreSQL name of the family, for messages. */
  public String sqlName() {
    return sqlName;
  }

  /** True for the numeric family (integer, numeric, real, double precision). */
  public boolean isNumeric() {
    return this == INTEGER || this == NUMERIC || this == REAL || this == DOUBLE;
  }

  /**
   * The kind of a normalized, non-null value.
   *
   * @throws io.xcluster.error.XClusterException FEATURE_NOT_SUPPORTED for a Java type the evaluator does not
   *     know (the driver converts JDBC types to {@code java.time} and the classes above before evaluation)
   */
  public static ValueKind of(Object value) {
    ValueKind kind = kindOrNull(value);
    if (kind == null) {
      throw EvalErrors.unsupported("a value of Java type " + value.getClass().getName(),
          "the evaluator handles only Boolean, Long, BigDecimal, Float, Double, String, byte[], UUID and "
              + "java.time LocalDate, LocalTime, LocalDateTime and OffsetDateTime");
    }
    return kind;
  }

  /** The kind of a non-null value, or empty for a class the evaluator does not know. */
  static Optional<ValueKind> find(Object value) {
    return Optional.ofNullable(kindOrNull(value));
  }

  /** Called for every join key and compared value: no Optional, no lambda. */
  private static ValueKind kindOrNull(Object value) {
    for (ValueKind kind : KINDS) {
      if (kind.javaClass.isInstance(value)) {
        return kind;
      }
    }
    return null;
  }
}
