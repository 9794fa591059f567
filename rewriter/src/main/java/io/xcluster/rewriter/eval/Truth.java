package io.xcluster.rewriter.eval;

/**
 * SQL's three-valued logic on {@code Boolean}, with {@code null} as UNKNOWN: {@code FALSE AND UNKNOWN} is
 * FALSE, {@code TRUE OR UNKNOWN} is TRUE, {@code NOT UNKNOWN} is UNKNOWN.
 */
final class Truth {
  private Truth() {}

  /** A value used as a condition: Boolean or NULL; anything else is refused, as PostgreSQL rejects it. */
  static Boolean of(Object value, String context) {
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    throw EvalErrors.unsupported("a " + Values.typeName(value) + " value used as the condition of " + context,
        "PostgreSQL requires a boolean there (MySQL treats numbers as truth values)");
  }

  static Boolean not(Boolean value) {
    return value == null ? null : !value;
  }

  static Boolean and(Boolean left, Boolean right) {
    if (Boolean.FALSE.equals(left) || Boolean.FALSE.equals(right)) {
      return Boolean.FALSE;
    }
    return left == null || right == null ? null : Boolean.TRUE;
  }

  static Boolean or(Boolean left, Boolean right) {
    if (Boolean.TRUE.equals(left) || Boolean.TRUE.equals(right)) {
      return Boolean.TRUE;
    }
    return left == null || right == null ? null : Boolean.FALSE;
  }
}
