package io.xcluster.rewriter.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.statement.create.table.ColDataType;

/**
 * Reads a cast's target type from JSqlParser's {@link ColDataType}, by PostgreSQL's names. Types whose
 * conversion the evaluator does not reproduce exactly are refused by name: {@code char(n)} (blank-padded;
 * PostgreSQL ignores its trailing spaces in comparisons, and MySQL's {@code CHAR} in a cast means varchar),
 * {@code time(p)}/{@code timestamp(p)} below microseconds (rounding), arrays, intervals, JSON, MySQL's
 * {@code SIGNED}/{@code UNSIGNED} and everything else.
 */
final class CastTypes {
  private static final Pattern MODIFIERS = Pattern.compile("\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)");
  private static final int MAX_NUMERIC_PRECISION = 1000;
  private static final int MAX_VARCHAR_LENGTH = 10_485_760;
  private static final int MICROSECONDS = 6;
  private static final int MAX_REAL_BITS = 24;
  private static final int MAX_DOUBLE_BITS = 53;
  private static final Map<String, CastTarget> NAMES = Map.ofEntries(
      Map.entry("smallint", CastTarget.SMALLINT), Map.entry("int2", CastTarget.SMALLINT),
      Map.entry("integer", CastTarget.INTEGER), Map.entry("int", CastTarget.INTEGER),
      Map.entry("int4", CastTarget.INTEGER), Map.entry("bigint", CastTarget.BIGINT),
      Map.entry("int8", CastTarget.BIGINT), Map.entry("numeric", CastTarget.NUMERIC),
      Map.entry("decimal", CastTarget.NUMERIC), Map.entry("real", CastTarget.REAL),
      Map.entry("float4", CastTarget.REAL), Map.entry("double precision", CastTarget.DOUBLE),
      Map.entry("float8", CastTarget.DOUBLE), Map.entry("float", CastTarget.DOUBLE),
      Map.entry("text", CastTarget.TEXT), Map.entry("varchar", CastTarget.VARCHAR),
      Map.entry("character varying", CastTarget.VARCHAR), Map.entry("boolean", CastTarget.BOOLEAN),
      Map.entry("bool", CastTarget.BOOLEAN), Map.entry("date", CastTarget.DATE),
      Map.entry("time", CastTarget.TIME), Map.entry("time without time zone", CastTarget.TIME),
      Map.entry("timestamp", CastTarget.TIMESTAMP),
      Map.entry("timestamp without time zone", CastTarget.TIMESTAMP),
      Map.entry("timestamptz", CastTarget.TIMESTAMPTZ),
      Map.entry("timestamp with time zone", CastTarget.TIMESTAMPTZ), Map.entry("uuid", CastTarget.UUID),
      Map.entry("bytea", CastTarget.BYTEA));

  private CastTypes() {}

  static SqlType parse(ColDataType type) {
    String sql = type.toString();
    boolean plain = type.getArrayData().isEmpty() && type.getCharacterSet() == null && !sql.contains("\"");
    List<Integer> modifiers = new ArrayList<>();
    String name = plain ? baseName(type, modifiers) : "";
    CastTarget target = NAMES.get(name);
    if (target == null) {
      throw refuse(sql, name.matches("(national )?(char|character|bpchar|nchar)")
          ? "char(n) is blank-padded and compares ignoring trailing spaces; cast to varchar or text"
          : "casting to this type is not supported in memory");
    }
    return withModifiers(target, name, modifiers, sql);
  }

  private static String baseName(ColDataType type, List<Integer> modifiers) {
    String text = type.getDataType().toLowerCase(Locale.ROOT);
    Matcher matcher = MODIFIERS.matcher(text);
    if (matcher.find()) {
      modifiers.add(Integer.valueOf(matcher.group(1)));
      if (matcher.group(2) != null) {
        modifiers.add(Integer.valueOf(matcher.group(2)));
      }
      text = text.substring(0, matcher.start()) + " " + text.substring(matcher.end());
    }
    List<String> arguments = type.getArgumentsStringList();
    if (arguments != null) {
      arguments.forEach(argument -> modifiers.add(argument.matches("\\d+") ? Integer.valueOf(argument) : -1));
    }
    return text.trim().replaceAll("\\s+", " ");
  }

  private static SqlType withModifiers(CastTarget target, String name, List<Integer> modifiers, String sql) {
    if (modifiers.isEmpty()) {
      return SqlType.of(target, sql);
    }
    if (modifiers.contains(-1)) {
      throw refuse(sql, "its type modifiers are not plain numbers");
    }
    int first = modifiers.get(0);
    boolean single = modifiers.size() == 1;
    switch (target) {
      case NUMERIC:
        return numeric(first, single ? 0 : modifiers.get(1), sql);
      case VARCHAR:
        require(single && first >= 1 && first <= MAX_VARCHAR_LENGTH, sql, "the length is out of range");
        return new SqlType(target, OptionalInt.of(first), OptionalInt.empty(), sql);
      case DOUBLE:
        require(single && name.equals("float") && first >= 1 && first <= MAX_DOUBLE_BITS, sql,
            "only float(p) takes a precision, from 1 to 53");
        return SqlType.of(first <= MAX_REAL_BITS ? CastTarget.REAL : CastTarget.DOUBLE, sql);
      case TIME:
      case TIMESTAMP:
      case TIMESTAMPTZ:
        require(single && first == MICROSECONDS, sql, "PostgreSQL rounds to fewer fractional digits");
        return SqlType.of(target, sql);
      default:
        throw refuse(sql, "this type takes no modifiers in memory");
    }
  }

  private static SqlType numeric(int precision, int scale, String sql) {
    require(precision >= 1 && precision <= MAX_NUMERIC_PRECISION && scale >= 0 && scale <= precision, sql,
        "the precision must be 1..1000 and the scale 0..precision");
    return new SqlType(CastTarget.NUMERIC, OptionalInt.of(precision), OptionalInt.of(scale), sql);
  }

  private static void require(boolean condition, String sql, String reason) {
    if (!condition) {
      throw refuse(sql, reason);
    }
  }

  private static RuntimeException refuse(String sql, String reason) {
    return EvalErrors.unsupported("CAST to " + sql, reason);
  }
}
