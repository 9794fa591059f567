package io.xcluster.rewriter.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.xcluster.error.SqlState;
import io.xcluster.error.XClusterException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;

/**
 * Test helper: parses an expression with JSqlParser (the whole text must parse) and evaluates it over a row
 * whose columns a, b, c, d, e are slots 0..4, optionally with declared kinds.
 */
final class Eval {
  private static final List<String> COLUMNS = List.of("a", "b", "c", "d", "e");

  private Eval() {}

  static Expression parse(String sql) {
    try {
      return CCJSqlParserUtil.parseExpression(sql, false);
    } catch (JSQLParserException e) {
      throw new AssertionError("test expression does not parse: " + sql, e);
    }
  }

  static ColumnResolver resolver(Map<String, ValueKind> kinds) {
    return new ColumnResolver() {
      @Override
      public int slotOf(Column column) {
        int slot = COLUMNS.indexOf(column.getColumnName().toLowerCase(Locale.ROOT));
        if (slot < 0) {
          throw new XClusterException(SqlState.SYNTAX_ERROR, "unknown column " + column);
        }
        return slot;
      }

      @Override
      public Optional<ValueKind> kindOf(Column column) {
        return Optional.ofNullable(kinds.get(column.getColumnName().toLowerCase(Locale.ROOT)));
      }
    };
  }

  static Expr compile(String sql) {
    return ExprCompiler.compile(parse(sql), resolver(Map.of()));
  }

  static Expr compile(String sql, Map<String, ValueKind> kinds) {
    return ExprCompiler.compile(parse(sql), resolver(kinds));
  }

  /** Evaluates {@code sql} over a row holding {@code values} in a, b, c... (missing ones NULL). */
  static Object eval(String sql, Object... values) {
    return compile(sql).eval(row(values));
  }

  static Object[] row(Object... values) {
    return Arrays.copyOf(values, COLUMNS.size());
  }

  static BigDecimal dec(String text) {
    return new BigDecimal(text);
  }

  /** Asserts the evaluation is refused (FEATURE_NOT_SUPPORTED) and returns the message. */
  static String refused(String sql, Object... values) {
    return failure(SqlState.FEATURE_NOT_SUPPORTED, sql, values);
  }

  /** Asserts the evaluation fails as PostgreSQL fails (a data error) and returns the message. */
  static String rejected(String sql, Object... values) {
    return failure(SqlState.INVALID_PARAMETER, sql, values);
  }

  private static String failure(SqlState state, String sql, Object... values) {
    XClusterException failure = assertThrows(XClusterException.class, () -> eval(sql, values), sql);
    assertEquals(state, failure.state(), () -> sql + ": " + failure.getMessage());
    return failure.getMessage();
  }

  /** Asserts the exact value and Java class (BigDecimal scale included, as PostgreSQL would print it). */
  static void assertValue(Object expected, String sql, Object... values) {
    Object actual = eval(sql, values);
    assertEquals(expected, actual, sql);
    if (expected != null) {
      assertEquals(expected.getClass(), actual.getClass(), sql);
    }
  }
}
