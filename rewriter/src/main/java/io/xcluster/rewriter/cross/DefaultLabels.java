package io.xcluster.rewriter.cross;

import io.xcluster.rewriter.Dialect;
import java.util.Locale;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.schema.Column;

/**
 * The label a database gives an unaliased expression it computes, imitated for expressions xcluster computes
 * in memory: PostgreSQL names a column reference after the column, a function call after the function, a
 * CASE "case" and anything else "?column?"; MySQL and H2 use the expression's text.
 */
final class DefaultLabels {
  private DefaultLabels() {}

  static String of(Expression expression, Dialect dialect) {
    if (dialect != Dialect.POSTGRESQL) {
      return expression.toString();
    }
    if (expression instanceof Column column) {
      return Identifier.of(column.getColumnName()).text();
    }
    if (expression instanceof Function function) {
      return function.getName().toLowerCase(Locale.ROOT);
    }
    if (expression instanceof CaseExpression) {
      return "case";
    }
    return "?column?";
  }
}
