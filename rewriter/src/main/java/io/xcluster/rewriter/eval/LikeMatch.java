package io.xcluster.rewriter.eval;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code value [NOT] LIKE|ILIKE pattern [ESCAPE escape]} on text; NULL if any operand is NULL.
 *
 * <p>ILIKE folds case only for ASCII text: PostgreSQL folds other letters by the database's locale
 * ({@code lower('Straße')}, the Turkish dotted I...), which the evaluator cannot see, so non-ASCII operands
 * are refused. MySQL's LIKE follows the column collation (usually case-insensitive) and its default escape
 * is also the backslash.
 */
record LikeMatch(Expr value, Expr pattern, Optional<Expr> escape, boolean caseInsensitive, boolean negated)
    implements Expr {
  private static final String DEFAULT_ESCAPE = "\\";

  @Override
  public Object eval(Object[] row, Object[] params) {
    Object text = value.eval(row, params);
    Object like = pattern.eval(row, params);
    Object escapeText = escape.isPresent() ? escape.get().eval(row, params) : DEFAULT_ESCAPE;
    if (text == null || like == null || escapeText == null) {
      return null;
    }
    String operator = caseInsensitive ? "ILIKE" : "LIKE";
    String subject = requireText(text, operator);
    String source = requireText(like, operator);
    if (caseInsensitive) {
      subject = AsciiCase.lower(subject, "ILIKE");
      AsciiCase.requireAscii(source, "ILIKE");
    }
    OptionalInt escapeChar = escapeCodePoint(requireText(escapeText, "ESCAPE"));
    boolean matches = LikePattern.compile(source, escapeChar, caseInsensitive).matches(subject);
    return matches != negated;
  }

  private static OptionalInt escapeCodePoint(String text) {
    if (text.isEmpty()) {
      return OptionalInt.empty();
    }
    if (text.codePointCount(0, text.length()) != 1) {
      throw EvalErrors.dataError("invalid escape string '" + text
          + "': it must be empty or one character (SQLSTATE 22025 in PostgreSQL)");
    }
    return OptionalInt.of(text.codePointAt(0));
  }

  private static String requireText(Object value, String operator) {
    if (value instanceof String text) {
      return text;
    }
    throw EvalErrors.unsupported(operator + " on a " + Values.typeName(value) + " value",
        "PostgreSQL matches patterns only on text");
  }

  @Override
  public Optional<ValueKind> kind() {
    return Optional.of(ValueKind.BOOLEAN);
  }
}
