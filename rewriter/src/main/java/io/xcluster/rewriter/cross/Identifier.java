package io.xcluster.rewriter.cross;

/** An SQL identifier without its quotes, and whether it had them ("x", `x` or [x]). */
record Identifier(String text, boolean quoted) {

  static Identifier of(String written) {
    if (written.length() >= 2) {
      char first = written.charAt(0);
      char last = written.charAt(written.length() - 1);
      if ((first == '"' && last == '"') || (first == '`' && last == '`') || (first == '[' && last == ']')) {
        return new Identifier(written.substring(1, written.length() - 1), true);
      }
    }
    return new Identifier(written, false);
  }
}
