package io.xcluster.rewriter.eval;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.regex.Pattern;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.StringValue;

/**
 * Literals typed as PostgreSQL types them: an integer that fits bigint is a bigint, a larger one or one
 * with a decimal point or exponent is numeric ({@code 1.50} keeps scale 2, {@code 1e3} is 1000), a plain
 * string is untyped until its context decides. Escape-string ({@code E'...'}), bit-string, hexadecimal,
 * national ({@code N'...'} is char(n)) and dollar-quoted literals are refused.
 */
final class Literals {
  private static final Pattern INTEGER = Pattern.compile("-?\\d+");
  private static final Pattern DECIMAL = Pattern.compile("-?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final String QUOTE = "'";

  private Literals() {}

  static Const integer(String text) {
    if (!INTEGER.matcher(text).matches()) {
      throw EvalErrors.unsupported("the number literal " + text, "only decimal integers are read");
    }
    BigInteger value = new BigInteger(text);
    return Const.of(Values.normalize(value));
  }

  static Const decimal(String text) {
    if (!DECIMAL.matcher(text).matches()) {
      throw EvalErrors.unsupported("the number literal " + text, "only decimal notation is read");
    }
    BigDecimal value = new BigDecimal(text);
    return Const.of(value.scale() < 0 ? value.setScale(0, RoundingMode.UNNECESSARY) : value);
  }

  static Const string(StringValue literal) {
    if (literal.getPrefix() != null || !QUOTE.equals(literal.getQuoteStr())) {
      throw EvalErrors.unsupported("the string literal " + literal, "only plain '...' strings are read "
          + "(escape, bit, hexadecimal, national and dollar-quoted strings are not)");
    }
    return new Const(literal.getNotExcapedValue(), true);
  }

  static Const temporal(DateTimeLiteralExpression literal) {
    String quoted = literal.getValue();
    boolean plain = quoted.length() >= 2 && quoted.startsWith(QUOTE) && quoted.endsWith(QUOTE)
        && quoted.indexOf(QUOTE, 1) == quoted.length() - 1;
    Optional<ValueKind> kind = kindOf(literal.getType());
    if (!plain || kind.isEmpty()) {
      throw EvalErrors.unsupported("the literal " + literal, "only DATE, TIME and TIMESTAMP literals are "
          + "read; timestamps with time zone depend on the session");
    }
    return Const.of(TextInput.parse(quoted.substring(1, quoted.length() - 1), kind.get()));
  }

  private static Optional<ValueKind> kindOf(DateTimeLiteralExpression.DateTime type) {
    switch (type) {
      case DATE:
        return Optional.of(ValueKind.DATE);
      case TIME:
        return Optional.of(ValueKind.TIME);
      case TIMESTAMP:
        return Optional.of(ValueKind.TIMESTAMP);
      default:
        return Optional.empty();
    }
  }
}
