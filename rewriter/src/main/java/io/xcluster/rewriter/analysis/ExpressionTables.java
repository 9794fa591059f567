package io.xcluster.rewriter.analysis;

import java.util.ArrayDeque;
import java.util.Deque;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.AnyComparisonExpression;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Tables of subqueries inside expressions (IN, EXISTS, scalar subqueries, ANY/ALL, function arguments).
 * JSqlParser's adapter already descends into every operand; this hands each subquery to the select visitor
 * (so that it gets its own WITH scope) and covers the operands the adapter skips.
 *
 * <p>Operator chains are walked without recursion: JSqlParser parses {@code a = 1 OR a = 2 OR ...} in a
 * loop but builds a left-deep tree, and an ORM's 5,000-term OR would overflow a recursive walk.
 */
final class ExpressionTables extends ExpressionVisitorAdapter<Void> {
  private final TableWalk walk;

  ExpressionTables(TableWalk walk) {
    this.walk = walk;
  }

  @Override
  public <S> Void visit(Select select, S context) {
    walk.select(select);
    return null;
  }

  @Override
  public <S> Void visit(AnyComparisonExpression any, S context) {
    walk.select(any.getSelect());
    return null;
  }

  @Override
  public <S> Void visit(AnalyticExpression analytic, S context) {
    super.visit(analytic, context);
    walk.expression(analytic.getFilterExpression());
    return null;
  }

  @Override
  protected <S> Void visitBinaryExpression(BinaryExpression expression, S context) {
    Deque<Expression> rightOperands = new ArrayDeque<>();
    Expression leftmost = expression;
    while (leftmost instanceof BinaryExpression binary) {
      if (binary.getRightExpression() != null) {
        rightOperands.push(binary.getRightExpression());
      }
      leftmost = binary.getLeftExpression();
    }
    walk.expression(leftmost);
    while (!rightOperands.isEmpty()) {
      walk.expression(rightOperands.pop());
    }
    return null;
  }
}
