package io.xcluster.rewriter.cross;

import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.util.deparser.ExpressionDeParser;
import net.sf.jsqlparser.util.deparser.SelectDeParser;
import net.sf.jsqlparser.util.deparser.StatementDeParser;

/**
 * The statement's {@code ?} parameters inside a subquery, in the order its SQL text shows them. Deparsing
 * visits every part of the query (nested subqueries included) in exactly the order it writes them, so a
 * deparser that notes each parameter it writes gives the order the cluster will number them in.
 */
public final class ParameterOrder {
  private final List<Integer> indices = new ArrayList<>();
  private final StringBuilder ignored = new StringBuilder();
  private final ExpressionDeParser expressions = new ExpressionDeParser() {
    @Override
    public <S> StringBuilder visit(JdbcParameter parameter, S context) {
      indices.add(parameter.getIndex());
      return super.visit(parameter, context);
    }
  };
  private final SelectDeParser selects = new SelectDeParser(expressions, ignored);

  private ParameterOrder() {
    expressions.setSelectVisitor(selects);
    expressions.setBuilder(ignored);
  }

  public static List<Integer> of(Select select) {
    ParameterOrder order = new ParameterOrder();
    select.accept((net.sf.jsqlparser.statement.select.SelectVisitor<StringBuilder>) order.selects, null);
    return order.indices;
  }

  /** The parameters of any statement (an INSERT's, an UPDATE's...), as {@link #of(Select)} does for a query. */
  public static List<Integer> ofStatement(Statement statement) {
    ParameterOrder order = new ParameterOrder();
    statement.accept(new StatementDeParser(order.expressions, order.selects, order.ignored), null);
    return order.indices;
  }
}
