package io.xcluster.rewriter.eval;

import java.util.Locale;

/**
 * PostgreSQL's boolean input ({@code parse_bool}): any prefix of {@code true}, {@code false}, {@code yes},
 * {@code no}; {@code on}, {@code of}/{@code off} (two letters at least); {@code 1} and {@code 0}; ignoring
 * case. Anything else is an error in PostgreSQL, and a data error here.
 */
final class BooleanInput {
  private BooleanInput() {}

  /** @param text already stripped of surrounding spaces */
  static Boolean parse(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (!lower.isEmpty()) {
      if (isPrefix(lower, "true", 1) || isPrefix(lower, "yes", 1) || isPrefix(lower, "on", 2)
          || lower.equals("1")) {
        return Boolean.TRUE;
      }
      if (isPrefix(lower, "false", 1) || isPrefix(lower, "no", 1) || isPrefix(lower, "off", 2)
          || lower.equals("0")) {
        return Boolean.FALSE;
      }
    }
    throw EvalErrors.dataError("invalid input syntax for type boolean: \"" + text
        + "\" (SQLSTATE 22P02 in PostgreSQL)");
  }

  private static boolean isPrefix(String text, String word, int minimumLength) {
    return text.length() >= minimumLength && word.startsWith(text);
  }
}
