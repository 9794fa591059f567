package io.xcluster.rewriter.eval;

import java.util.Locale;

/**
 * Case folding that is certain: ASCII letters only. PostgreSQL folds other characters by the database's
 * LC_CTYPE or ICU collation ({@code upper('ß')} is {@code ß} under glibc and {@code SS} under ICU), which
 * the evaluator cannot see, so text with non-ASCII characters is refused.
 */
final class AsciiCase {
  private static final char LAST_ASCII = 0x7F;

  private AsciiCase() {}

  static String lower(String text, String function) {
    return requireAscii(text, function).toLowerCase(Locale.ROOT);
  }

  static String upper(String text, String function) {
    return requireAscii(text, function).toUpperCase(Locale.ROOT);
  }

  static String requireAscii(String text, String function) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > LAST_ASCII) {
        throw EvalErrors.unsupported(function + " of text with non-ASCII characters ('" + text + "')",
            "PostgreSQL folds their case by the database's locale or ICU collation");
      }
    }
    return text;
  }
}
