package io.xcluster.rewriter.cross;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.schema.Column;

/**
 * One AND-ed part of a WHERE or ON condition, with the FROM items it refers to.
 *
 * @param expression the condition
 * @param leaves the positions of the FROM items its columns belong to
 * @param facts its columns, parameters and unsupported constructs
 */
record Conjunct(Expression expression, Set<Integer> leaves, ExpressionFacts facts) {

  /** Splits a condition at its top-level ANDs (iteratively: ORMs build very long chains). */
  static List<Conjunct> split(Expression condition, Scope scope) {
    List<Conjunct> parts = new ArrayList<>();
    if (condition == null) {
      return parts;
    }
    Deque<Expression> pending = new ArrayDeque<>();
    pending.push(condition);
    while (!pending.isEmpty()) {
      Expression next = pending.pop();
      if (next instanceof AndExpression and) {
        pending.push(and.getRightExpression());
        pending.push(and.getLeftExpression());
      } else {
        parts.add(of(next, scope));
      }
    }
    return parts;
  }

  static Conjunct of(Expression expression, Scope scope) {
    ExpressionFacts facts = ExpressionFacts.of(expression);
    if (facts.unsupported != null) {
      throw Refusals.construct(facts.unsupported);
    }
    Set<Integer> leaves = new TreeSet<>();
    for (Column column : facts.columns) {
      leaves.add(scope.resolve(column).leaf());
    }
    return new Conjunct(expression, leaves, facts);
  }

  /** For {@code a.x = b.y} between two FROM items: the two columns; otherwise null. */
  Column[] columnEquality() {
    if (expression instanceof EqualsTo equals && leaves.size() == 2
        && equals.getLeftExpression() instanceof Column left && equals.getRightExpression() instanceof Column right) {
      return new Column[] {left, right};
    }
    return null;
  }
}
