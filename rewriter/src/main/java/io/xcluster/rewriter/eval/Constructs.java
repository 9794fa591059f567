package io.xcluster.rewriter.eval;

import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.AnyComparisonExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.statement.select.Select;

/** Names an expression the evaluator refuses, in the words a user would recognize. */
final class Constructs {
  private static final int MAX_SQL_LENGTH = 120;
  private static final Set<String> AGGREGATES = Set.of("COUNT", "SUM", "AVG", "MIN", "MAX", "ARRAY_AGG",
      "STRING_AGG", "GROUP_CONCAT", "BOOL_AND", "BOOL_OR", "EVERY", "BIT_AND", "BIT_OR", "STDDEV",
      "STDDEV_POP", "STDDEV_SAMP", "VARIANCE", "VAR_POP", "VAR_SAMP", "JSON_AGG", "JSONB_AGG", "XMLAGG");

  private Constructs() {}

  static RuntimeException refuse(Expression expression) {
    if (expression instanceof Function function) {
      return refuseFunction(function, "the expression evaluator does not implement it");
    }
    if (expression instanceof AnalyticExpression) {
      return EvalErrors.unsupported("the window function " + sql(expression),
          "window functions are not evaluated in memory");
    }
    if (expression instanceof Select || expression instanceof ExistsExpression
        || expression instanceof AnyComparisonExpression) {
      return EvalErrors.unsupported("the subquery " + sql(expression),
          "subqueries inside expressions are not evaluated in memory");
    }
    return EvalErrors.unsupported("the expression " + sql(expression) + " ("
        + expression.getClass().getSimpleName() + ")", "the expression evaluator does not implement it");
  }

  static RuntimeException refuseFunction(Function function, String reason) {
    String name = function.getName().toUpperCase(Locale.ROOT);
    if (AGGREGATES.contains(name) || function.isAllColumns() || function.isDistinct()) {
      return EvalErrors.unsupported("the aggregate function " + sql(function),
          "aggregates are computed by the aggregation step, not inside a scalar expression");
    }
    if (name.equals("ANY") || name.equals("ALL") || name.equals("SOME")) {
      return EvalErrors.unsupported("the " + name + " comparison " + sql(function),
          "ANY/ALL comparisons are not evaluated in memory");
    }
    return EvalErrors.unsupported("the function " + name + " (in " + sql(function) + ")", reason);
  }

  static String sql(Object expression) {
    String text = String.valueOf(expression);
    return text.length() <= MAX_SQL_LENGTH ? text : text.substring(0, MAX_SQL_LENGTH) + "...";
  }
}
