package io.xcluster.rewriter.eval;

/** The binary arithmetic operators, with PostgreSQL's semantics implemented in {@link Numbers}. */
enum ArithmeticOp {
  ADD("+"),
  SUBTRACT("-"),
  MULTIPLY("*"),
  DIVIDE("/"),
  MODULO("%");

  private final String symbol;

  ArithmeticOp(String symbol) {
    this.symbol = symbol;
  }

  String symbol() {
    return symbol;
  }
}
