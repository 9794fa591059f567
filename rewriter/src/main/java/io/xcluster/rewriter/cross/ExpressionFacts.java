package io.xcluster.rewriter.cross;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.Select;

/**
 * What one expression contains, as far as decomposition cares: its column references and JDBC parameters
 * (in textual order), and the constructs a cross-cluster plan cannot split (subqueries, aggregates, window
 * functions, named parameters).
 */
final class ExpressionFacts {
  private static final Set<String> AGGREGATES = Set.of("COUNT", "SUM", "AVG", "MIN", "MAX", "STRING_AGG",
      "ARRAY_AGG", "GROUP_CONCAT", "BOOL_AND", "BOOL_OR", "EVERY", "STDDEV", "VARIANCE", "JSON_AGG",
      "JSONB_AGG", "BIT_AND", "BIT_OR", "STDDEV_POP", "STDDEV_SAMP", "VAR_POP", "VAR_SAMP");

  final List<Column> columns = new ArrayList<>();
  final List<JdbcParameter> parameters = new ArrayList<>();
  /** Whether an integer literal occurs (PostgreSQL types it int4, widening integer arithmetic). */
  boolean integerLiteral;
  String unsupported;

  static ExpressionFacts of(Expression expression) {
    ExpressionFacts facts = new ExpressionFacts();
    if (expression != null) {
      expression.accept(new Collector(facts), null);
      facts.parameters.sort((a, b) -> Integer.compare(index(a), index(b)));
    }
    return facts;
  }

  private static int index(JdbcParameter parameter) {
    return parameter.getIndex() == null ? 0 : parameter.getIndex();
  }

  private static final class Collector extends ExpressionVisitorAdapter<Void> {
    private final ExpressionFacts facts;

    Collector(ExpressionFacts facts) {
      this.facts = facts;
    }

    @Override
    public <S> Void visit(Column column, S context) {
      facts.columns.add(column);
      return null;
    }

    @Override
    public <S> Void visit(JdbcParameter parameter, S context) {
      if (parameter.isUseFixedIndex()) {
        facts.unsupported = "numbered parameter ?" + parameter.getIndex();
      }
      facts.parameters.add(parameter);
      return null;
    }

    @Override
    public <S> Void visit(net.sf.jsqlparser.expression.LongValue value, S context) {
      facts.integerLiteral = true;
      return null;
    }

    @Override
    public <S> Void visit(JdbcNamedParameter parameter, S context) {
      facts.unsupported = "named parameter :" + parameter.getName();
      return null;
    }

    @Override
    public <S> Void visit(Select select, S context) {
      facts.unsupported = "a subquery (" + select + ")";
      return null;
    }

    /** {@code x = ANY (SELECT ...)}: the adapter would not look inside the subquery, so it is caught here. */
    @Override
    public <S> Void visit(net.sf.jsqlparser.expression.AnyComparisonExpression any, S context) {
      facts.unsupported = "a subquery (" + any + ")";
      return null;
    }

    @Override
    public <S> Void visit(AnalyticExpression analytic, S context) {
      facts.unsupported = "the window function " + analytic;
      return null;
    }

    @Override
    public <S> Void visit(Function function, S context) {
      if (AGGREGATES.contains(function.getName().toUpperCase(Locale.ROOT))) {
        facts.unsupported = "the aggregate " + function;
        return null;
      }
      return super.visit(function, context);
    }
  }
}
