package io.xcluster.rewriter.cross;

import io.xcluster.rewriter.Dialect;

/**
 * Rewrites quoted identifiers for the cluster a query goes to: MySQL reads {@code "x"} as a string unless
 * ANSI_QUOTES is on, and PostgreSQL does not know {@code `x`}. String literals ({@code '...'}, with
 * {@code ''} escapes) are left as they are; so is everything else.
 */
final class Quoting {
  private Quoting() {}

  static String forDialect(String sql, Dialect target) {
    char wanted = target == Dialect.MYSQL ? '`' : '"';
    char foreign = wanted == '`' ? '"' : '`';
    if (sql.indexOf(foreign) < 0) {
      return sql;
    }
    StringBuilder out = new StringBuilder(sql.length());
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\'') {
        i = copyQuoted(sql, i, '\'', out);
      } else if (c == wanted) {
        i = copyQuoted(sql, i, wanted, out);
      } else if (c == foreign) {
        i = requote(sql, i, foreign, wanted, out);
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** Copies a quoted run (its doubled quotes included) unchanged; answers the index after it. */
  private static int copyQuoted(String sql, int start, char quote, StringBuilder out) {
    int end = closing(sql, start, quote);
    out.append(sql, start, end);
    return end;
  }

  private static int requote(String sql, int start, char from, char to, StringBuilder out) {
    int end = closing(sql, start, from);
    String name = sql.substring(start + 1, Math.max(start + 1, end - 1))
        .replace(String.valueOf(from) + from, String.valueOf(from));
    out.append(to).append(name.replace(String.valueOf(to), String.valueOf(to) + to)).append(to);
    return end;
  }

  /** The index after the quote closing the run that starts at {@code start}; a doubled quote does not close. */
  private static int closing(String sql, int start, char quote) {
    int i = start + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return sql.length();
  }
}
