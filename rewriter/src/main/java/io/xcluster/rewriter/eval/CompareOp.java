package io.xcluster.rewriter.eval;

/** The comparison operators; {@code !=} is {@code <>}. */
enum CompareOp {
  EQUAL("="),
  NOT_EQUAL("<>"),
  LESS("<"),
  LESS_OR_EQUAL("<="),
  GREATER(">"),
  GREATER_OR_EQUAL(">=");

  private final String symbol;

  CompareOp(String symbol) {
    this.symbol = symbol;
  }

  String symbol() {
    return symbol;
  }

  /** Whether the operator holds for a {@code compareTo}-style result. */
  boolean test(int comparison) {
    switch (this) {
      case EQUAL:
        return comparison == 0;
      case NOT_EQUAL:
        return comparison != 0;
      case LESS:
        return comparison < 0;
      case LESS_OR_EQUAL:
        return comparison <= 0;
      case GREATER:
        return comparison > 0;
      default:
        return comparison >= 0;
    }
  }
}
