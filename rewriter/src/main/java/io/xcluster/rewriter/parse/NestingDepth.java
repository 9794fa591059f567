package io.xcluster.rewriter.parse;

import java.util.OptionalInt;

/**
 * Finds parentheses nested beyond a limit before JSqlParser sees them: its recursive descent takes time
 * that grows faster than the depth (about 0.3 s at 400 levels) and overflows the stack near 1,000, where a
 * rejection up front costs one scan. Parentheses inside string literals, quoted identifiers and comments
 * do not count.
 */
final class NestingDepth {
  private NestingDepth() {}

  /** @return the index of the first '(' that opens level {@code limit + 1}, if any */
  static OptionalInt firstBeyond(String sql, int limit) {
    int depth = 0;
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '(' && ++depth > limit) {
        return OptionalInt.of(i);
      }
      if (c == ')') {
        depth = Math.max(0, depth - 1);
      }
      i = skipQuotedOrComment(sql, i);
    }
    return OptionalInt.empty();
  }

  /** @return the index just after the literal, identifier or comment starting at {@code i}, else i + 1 */
  private static int skipQuotedOrComment(String sql, int i) {
    char c = sql.charAt(i);
    if (c == '\'' || c == '"' || c == '`') {
      int close = sql.indexOf(c, i + 1);
      return close < 0 ? sql.length() : close + 1;
    }
    if (sql.startsWith("--", i)) {
      int end = sql.indexOf('\n', i);
      return end < 0 ? sql.length() : end + 1;
    }
    if (sql.startsWith("/*", i)) {
      int end = sql.indexOf("*/", i + 2);
      return end < 0 ? sql.length() : end + 2;
    }
    return i + 1;
  }
}
