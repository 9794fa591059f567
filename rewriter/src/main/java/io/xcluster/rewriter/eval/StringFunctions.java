package io.xcluster.rewriter.eval;

import java.util.List;

/**
 * PostgreSQL's text functions, counting characters as code points (as PostgreSQL does in UTF-8 databases;
 * MySQL's {@code LENGTH} counts bytes, its {@code CHAR_LENGTH} characters).
 */
final class StringFunctions {
  private StringFunctions() {}

  static Long length(Object value, String function) {
    if (value instanceof byte[] bytes && function.equals("LENGTH")) {
      return (long) bytes.length;
    }
    String text = Arguments.text(value, function);
    return (long) text.codePointCount(0, text.length());
  }

  /**
   * {@code SUBSTRING(text FROM start [FOR count])}: 1-based; a start before 1 still counts toward the
   * length ({@code substring('hello' from 0 for 3)} is {@code he}); a negative count is an error.
   */
  static String substring(String text, int start, Integer count) {
    if (count != null && count < 0) {
      throw EvalErrors.dataError("negative substring length not allowed (SQLSTATE 22011 in PostgreSQL)");
    }
    int length = text.codePointCount(0, text.length());
    long end = count == null ? length + 1L : (long) start + count;
    long from = Math.max(start, 1);
    long to = Math.min(end, length + 1L);
    if (from >= to) {
      return "";
    }
    int begin = text.offsetByCodePoints(0, (int) from - 1);
    return text.substring(begin, text.offsetByCodePoints(begin, (int) (to - from)));
  }

  /** {@code POSITION(needle IN text)}: 1-based code point position, 0 when absent, 1 for ''. */
  static Long position(String needle, String text) {
    int index = text.indexOf(needle);
    return index < 0 ? 0L : text.codePointCount(0, index) + 1L;
  }

  /** Removes any of {@code characters} (a set, not a sequence) from the chosen ends. */
  static String trim(String text, String characters, boolean leading, boolean trailing) {
    int start = 0;
    int end = text.length();
    while (leading && start < end && characters.indexOf(text.codePointAt(start)) >= 0) {
      start += Character.charCount(text.codePointAt(start));
    }
    while (trailing && end > start && characters.indexOf(text.codePointBefore(end)) >= 0) {
      end -= Character.charCount(text.codePointBefore(end));
    }
    return text.substring(start, end);
  }

  /** {@code REPLACE}: an empty search string leaves the text unchanged (Java's replace would insert). */
  static String replace(String text, String search, String replacement) {
    return search.isEmpty() ? text : text.replace(search, replacement);
  }

  /** {@code CONCAT}: NULLs are skipped, values use their output form (booleans as t/f). */
  static String concat(List<Object> values) {
    StringBuilder result = new StringBuilder();
    for (Object value : values) {
      if (value != null) {
        result.append(TextForm.output(value));
      }
    }
    return result.toString();
  }
}
