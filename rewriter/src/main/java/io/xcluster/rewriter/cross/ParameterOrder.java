package io.xcluster.rewriter.cross;

import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.util.deparser.ExpressionDeParser;
import net.sf.jsqlparser.util.deparser.SelectDeParser;

/**
 * The statement's {@code ?} parameters inside a subquery, in the order its SQL text shows them. Deparsing
 * visits every part of the query (nested subqueries included) in exactly the order it writes them, so a
 * deparser that notes each parameter it writes gives the order the cluster will number them in.
 */
public final class ParameterOrder {
  private ParameterOrder() {}

  public static List<Integer> of(Select select) {
    List<Integer> indices = new ArrayList<>();
    StringBuilder ignored = new StringBuilder();
    ExpressionDeParser expressions = new ExpressionDeParser() {
      @Override
      public <S> StringBuilder visit(JdbcParameter parameter, S context) {
        indices.add(parameter.getIndex());
        return super.visit(parameter, context);
      }
    };
    SelectDeParser selects = new SelectDeParser(expressions, ignored);
    expressions.setSelectVisitor(selects);
    expressions.setBuilder(ignored);
    select.accept((net.sf.jsqlparser.statement.select.SelectVisitor<StringBuilder>) selects, null);
    return indices;
  }
}
