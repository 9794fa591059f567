package io.xcluster.rewriter.eval;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * PostgreSQL's input functions for the kinds the evaluator supports, limited to the plain formats whose
 * meaning is certain: {@code CAST('12' AS integer)}, and the untyped literal in {@code date_col =
 * '2024-01-31'}. Input PostgreSQL would reject is a data error; input PostgreSQL might accept but this class
 * does not parse (hexadecimal integers, {@code 'Infinity'}, {@code 'Jan 31 2024'}, {@code 'epoch'}...) is
 * refused rather than guessed.
 */
final class TextInput {
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern UUID_TEXT = Pattern.compile(
      "\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");

  private TextInput() {}

  /** The value of {@code text} read as {@code kind}, as PostgreSQL's input function would read it. */
  static Object parse(String text, ValueKind kind) {
    String trimmed = trimSpaces(text);
    switch (kind) {
      case TEXT:
        return text;
      case INTEGER:
        return integer(trimmed);
      case NUMERIC:
        return numeric(trimmed);
      case DOUBLE:
        return float8(trimmed);
      case REAL:
        return float4(trimmed);
      case BOOLEAN:
        return BooleanInput.parse(trimmed);
      case UUID:
        return uuid(trimmed);
      case DATE:
      case TIME:
      case TIMESTAMP:
        return TemporalInput.parse(trimmed, kind);
      default:
        throw refuse(text, kind);
    }
  }

  private static Long integer(String text) {
    require(INTEGER, text, "bigint");
    BigInteger value = new BigInteger(text.startsWith("+") ? text.substring(1) : text);
    if (value.bitLength() > Long.SIZE - 1) {
      throw outOfRange(text, "bigint");
    }
    return value.longValue();
  }

  private static BigDecimal numeric(String text) {
    refuseSpecial(text, "numeric");
    require(DECIMAL, text, "numeric");
    BigDecimal value = new BigDecimal(text);
    return value.scale() < 0 ? value.setScale(0, RoundingMode.UNNECESSARY) : value;
  }

  private static Double float8(String text) {
    refuseSpecial(text, "double precision");
    require(DECIMAL, text, "double precision");
    double value = Double.parseDouble(text);
    checkRange(text, Double.isInfinite(value), value == 0.0, "double precision");
    return value;
  }

  private static Float float4(String text) {
    refuseSpecial(text, "real");
    require(DECIMAL, text, "real");
    float value = Float.parseFloat(text);
    checkRange(text, Float.isInfinite(value), value == 0.0f, "real");
    return value;
  }

  private static UUID uuid(String text) {
    if (!UUID_TEXT.matcher(text).matches()) {
      throw EvalErrors.unsupported("reading '" + text + "' as uuid",
          "only the standard 8-4-4-4-12 hexadecimal form is read in memory");
    }
    return UUID.fromString(text);
  }

  /** A zero from non-zero digits is an underflow and an infinity an overflow, both errors in PostgreSQL. */
  private static void checkRange(String text, boolean infinite, boolean zero, String type) {
    boolean nonZeroDigits = text.replaceAll("[eE].*", "").chars().anyMatch(c -> c >= '1' && c <= '9');
    if (infinite || zero && nonZeroDigits) {
      throw outOfRange(text, type);
    }
  }

  private static void refuseSpecial(String text, String type) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.contains("nan") || lower.contains("inf")) {
      throw EvalErrors.unsupported("reading '" + text + "' as " + type,
          "special values (NaN, Infinity) are not read in memory");
    }
  }

  private static void require(Pattern pattern, String text, String type) {
    if (!pattern.matcher(text).matches()) {
      throw EvalErrors.unsupported("reading '" + text + "' as " + type, "only plain decimal notation is "
          + "read in memory; PostgreSQL rejects or reads other notations in version-dependent ways");
    }
  }

  private static RuntimeException outOfRange(String text, String type) {
    return EvalErrors.dataError("value \"" + text + "\" is out of range for type " + type
        + " (SQLSTATE 22003 in PostgreSQL)");
  }

  static RuntimeException refuse(String text, ValueKind kind) {
    return EvalErrors.unsupported("reading the string '" + text + "' as " + kind.sqlName(),
        "converting text to this type in memory is not supported");
  }

  /** PostgreSQL's input functions skip leading and trailing {@code isspace()} characters. */
  static String trimSpaces(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isSpace(text.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
  }
}
