package io.xcluster.rewriter.eval;

import java.util.Arrays;
import java.util.OptionalInt;

/**
 * A LIKE pattern: {@code %} matches any run of characters (newlines included), {@code _} exactly one
 * character (a code point), the escape character makes the next character literal. PostgreSQL's default
 * escape is the backslash, {@code ESCAPE ''} disables escaping, and the whole string must match.
 *
 * <p>Matching is the classic wildcard algorithm that backtracks only to the last {@code %}, which is
 * enough for patterns without character classes, in time proportional to text times pattern length.
 */
final class LikePattern {
  private static final int ANY_ONE = -1;
  private static final int ANY_RUN = -2;

  /** Code points, or ANY_ONE / ANY_RUN. */
  private final int[] tokens;

  private LikePattern(int[] tokens) {
    this.tokens = tokens;
  }

  /**
   * @param escape the escape code point, or empty for none
   * @param foldCase lower-case the literal characters, for ILIKE (after escapes are resolved, as PostgreSQL
   *     does); the caller lower-cases the text and ensures both are ASCII
   * @throws io.xcluster.error.XClusterException FEATURE_NOT_SUPPORTED when the pattern ends with the escape
   *     character (PostgreSQL answers FALSE or raises an error depending on the text)
   */
  static LikePattern compile(String pattern, OptionalInt escape, boolean foldCase) {
    int[] source = pattern.codePoints().toArray();
    int[] tokens = new int[source.length];
    int count = 0;
    for (int i = 0; i < source.length; i++) {
      int c = source[i];
      if (escape.isPresent() && c == escape.getAsInt()) {
        if (++i == source.length) {
          throw EvalErrors.unsupported("the LIKE pattern '" + pattern + "'",
              "it ends with the escape character, which PostgreSQL rejects for some inputs");
        }
        tokens[count++] = source[i];
      } else if (c == '%') {
        if (count == 0 || tokens[count - 1] != ANY_RUN) {
          tokens[count++] = ANY_RUN;
        }
      } else {
        tokens[count++] = c == '_' ? ANY_ONE : c;
      }
    }
    int[] compiled = Arrays.copyOf(tokens, count);
    if (foldCase) {
      Arrays.setAll(compiled, i -> compiled[i] < 0 ? compiled[i] : Character.toLowerCase(compiled[i]));
    }
    return new LikePattern(compiled);
  }

  boolean matches(String value) {
    int[] text = value.codePoints().toArray();
    int t = 0;
    int p = 0;
    int runAt = -1;
    int runText = 0;
    while (t < text.length) {
      if (p < tokens.length && (tokens[p] == ANY_ONE || tokens[p] == text[t])) {
        t++;
        p++;
      } else if (p < tokens.length && tokens[p] == ANY_RUN) {
        runAt = p++;
        runText = t;
      } else if (runAt >= 0) {
        p = runAt + 1;
        t = ++runText;
      } else {
        return false;
      }
    }
    while (p < tokens.length && tokens[p] == ANY_RUN) {
      p++;
    }
    return p == tokens.length;
  }
}
