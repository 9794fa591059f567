package io.xcluster.rewriter.eval;

/**
 * PostgreSQL's float4 and float8 arithmetic: IEEE results, but an overflow to infinity or an underflow to
 * zero from finite, non-zero inputs is an error ({@code float.h} in PostgreSQL), division by zero is an
 * error even for floats, and there is no {@code %} operator for floats.
 */
final class FloatMath {
  private FloatMath() {}

  static Double doubles(ArithmeticOp op, double x, double y) {
    if (op == ArithmeticOp.MODULO) {
      throw noModulo("double precision");
    }
    if (op == ArithmeticOp.DIVIDE && y == 0.0 && !Double.isNaN(x)) {
      throw EvalErrors.divisionByZero();
    }
    double result = raw(op, x, y);
    check(op, Double.isInfinite(result), result == 0.0, x, y);
    return result;
  }

  static Float floats(ArithmeticOp op, float x, float y) {
    if (op == ArithmeticOp.MODULO) {
      throw noModulo("real");
    }
    if (op == ArithmeticOp.DIVIDE && y == 0.0f && !Float.isNaN(x)) {
      throw EvalErrors.divisionByZero();
    }
    float result = rawFloat(op, x, y);
    check(op, Float.isInfinite(result), result == 0.0f, x, y);
    return result;
  }

  /** PostgreSQL's float order: NaN equals NaN and sorts above everything; -0 equals 0. */
  static int compare(double x, double y) {
    if (Double.isNaN(x)) {
      return Double.isNaN(y) ? 0 : 1;
    }
    if (Double.isNaN(y)) {
      return -1;
    }
    return x < y ? -1 : x > y ? 1 : 0;
  }

  private static double raw(ArithmeticOp op, double x, double y) {
    switch (op) {
      case ADD:
        return x + y;
      case SUBTRACT:
        return x - y;
      case MULTIPLY:
        return x * y;
      default:
        return x / y;
    }
  }

  private static float rawFloat(ArithmeticOp op, float x, float y) {
    switch (op) {
      case ADD:
        return x + y;
      case SUBTRACT:
        return x - y;
      case MULTIPLY:
        return x * y;
      default:
        return x / y;
    }
  }

  private static void check(ArithmeticOp op, boolean infinite, boolean zero, double x, double y) {
    boolean overflow = op == ArithmeticOp.DIVIDE
        ? infinite && !Double.isInfinite(x)
        : infinite && !Double.isInfinite(x) && !Double.isInfinite(y);
    if (overflow) {
      throw EvalErrors.dataError("value out of range: overflow");
    }
    boolean underflow = op == ArithmeticOp.MULTIPLY && zero && x != 0.0 && y != 0.0
        || op == ArithmeticOp.DIVIDE && zero && x != 0.0 && !Double.isInfinite(y);
    if (underflow) {
      throw EvalErrors.dataError("value out of range: underflow");
    }
  }

  private static RuntimeException noModulo(String type) {
    return EvalErrors.unsupported("the operator " + type + " % " + type,
        "PostgreSQL has no modulo operator for floating-point numbers");
  }
}
