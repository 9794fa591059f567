package io.xcluster.rewriter.eval;

/** Argument checks shared by the scalar functions; a wrong type is refused, naming the function. */
final class Arguments {
  private Arguments() {}

  static String text(Object value, String function) {
    if (value instanceof String text) {
      return text;
    }
    throw wrongType(value, function, "text");
  }

  /** An integer argument within PostgreSQL's {@code integer} range, as function signatures take. */
  static int int32(Object value, String function) {
    if (value instanceof Long number && number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE) {
      return number.intValue();
    }
    throw wrongType(value, function, "an integer in the int4 range");
  }

  static RuntimeException wrongType(Object value, String function, String expected) {
    return EvalErrors.unsupported(function + "() of a " + Values.typeName(value) + " value",
        function + " takes " + expected + " here; PostgreSQL has no such variant or converts implicitly");
  }
}
