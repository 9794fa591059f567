package io.xcluster.rewriter.parse;

/** A 1-based line and column in an SQL string, counted the way JSqlParser reports them. */
record SqlPosition(int line, int column) {

  static SqlPosition at(String sql, int index) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < index; i++) {
      if (sql.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new SqlPosition(line, index - lineStart + 1);
  }
}
