package io.xcluster.rewriter.cross;

import io.xcluster.rewriter.Dialect;
import io.xcluster.rewriter.eval.ValueKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.WhenClause;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * Rewrites the scalar subqueries of a cross-cluster SELECT (in WHERE, wherever an expression may stand, and in
 * the select list of an ungrouped query) into LEFT joins the planner decomposes, each matching every outer row
 * with at most one row (more fails with 21000, as in the database):
 *
 * <ul>
 *   <li>uncorrelated, {@code (SELECT e FROM ...)} becomes {@code LEFT JOIN (SELECT e AS xc_v FROM ...) s ON 1 =
 *       1}, the subquery run once;
 *   <li>correlated by equalities of qualified columns at the top of its WHERE (as EXISTS is), {@code (SELECT
 *       e FROM t WHERE t.k = outer.c AND ...)} becomes {@code LEFT JOIN (SELECT t.k AS xc_k1, e AS xc_v FROM t
 *       WHERE ...) s ON outer.c = s.xc_k1}, bound by the outer keys like any join;
 *   <li>correlated with one aggregate, {@code (SELECT COUNT(*) FROM t WHERE t.k = outer.c)} is grouped by the
 *       keys in the subquery's cluster ({@code SELECT t.k, COUNT(*) ... GROUP BY t.k}); an outer row without
 *       a group reads NULL, or 0 for COUNT, as the aggregate of no rows is.
 * </ul>
 *
 * Anything else (a subquery referring to the outer query otherwise, GROUP BY or LIMIT in a correlated one,
 * a scalar subquery in a grouped select list) is left for the planner to refuse. The value of an outer row
 * without a match is NULL, as a subquery returning no row gives.
 *
 * <p>It changes the parsed statement in place; that statement serves only this planning.
 */
final class ScalarSubqueries {
  private static final String ALIAS_PREFIX = "xc_scalar";
  private static final String GROUPED_PREFIX = ALIAS_PREFIX + "_g";

  private final PlainSelect select;
  private final Dialect primary;
  private final Set<String> outer;
  private int next = 1;

  private ScalarSubqueries(PlainSelect select, Dialect primary) {
    this.select = select;
    this.primary = primary;
    this.outer = SemiJoins.fromNames(select);
  }

  static void rewrite(PlainSelect select, Dialect primary) {
    ScalarSubqueries rewrite = new ScalarSubqueries(select, primary);
    if (select.getWhere() != null) {
      select.setWhere(rewrite.replace(select.getWhere()));
    }
    if (!AggregatePlanner.needed(select)) {
      select.getSelectItems().forEach(rewrite::replaceItem);
    }
  }

  /** Whether a FROM item is one this rewrite added: it matches each outer row at most once. */
  static boolean added(Leaf leaf) {
    return leaf.table() == null && leaf.reference().startsWith(ALIAS_PREFIX);
  }

  /**
   * Refuses a correlated aggregate grouped by text in a MySQL cluster: its collation may put values the
   * in-memory join tells apart ('a', 'A') in one group.
   */
  static void checkGroupedKeys(List<Leaf> leaves) {
    for (Leaf leaf : leaves) {
      if (leaf.table() == null && leaf.reference().startsWith(GROUPED_PREFIX) && leaf.dialect() == Dialect.MYSQL
          && leaf.columns().stream().anyMatch(c -> c.name().startsWith("xc_k")
              && c.kind().map(kind -> kind == ValueKind.TEXT).orElse(true))) {
        throw Refusals.construct("a correlated aggregate subquery on cluster " + leaf.cluster()
            + " keyed by text (MySQL's collation may group values that differ)");
      }
    }
  }

  @SuppressWarnings("unchecked")
  private void replaceItem(SelectItem<?> item) {
    Expression expression = item.getExpression();
    if (expression instanceof AllColumns) {
      return;
    }
    String label = label(expression);
    Expression replaced = replace(expression);
    if (replaced != expression) {
      ((SelectItem<Expression>) item).setExpression(replaced);
      if (item.getAlias() == null) {
        item.setAlias(new Alias(primary == Dialect.MYSQL ? '`' + label + '`' : '"' + label + '"'));
      }
    }
  }

  /** The label the database gives an unaliased item: for a bare subquery in PostgreSQL, its column's. */
  private String label(Expression expression) {
    if (primary == Dialect.POSTGRESQL && expression instanceof ParenthesedSelect sub
        && sub.getSelect() instanceof PlainSelect inner && inner.getSelectItems().size() == 1) {
      SelectItem<?> only = inner.getSelectItems().get(0);
      return only.getAlias() != null ? Identifier.of(only.getAlias().getName()).text()
          : DefaultLabels.of(only.getExpression(), primary);
    }
    return DefaultLabels.of(expression, primary);
  }

  /**
   * The expression with its scalar subqueries replaced, descending through the usual operators; the same
   * object when nothing changed below it. Subqueries under other constructs stay (and are refused).
   */
  private Expression replace(Expression expression) {
    if (expression instanceof ParenthesedSelect sub) {
      return scalar(sub).orElse(sub);
    }
    if (expression instanceof BinaryExpression binary) {
      binary.setLeftExpression(replace(binary.getLeftExpression()));
      binary.setRightExpression(replace(binary.getRightExpression()));
    } else if (expression instanceof ExpressionList<?> list) {
      replaceAll(list);
    } else if (expression instanceof Function function && function.getParameters() != null) {
      replaceAll(function.getParameters());
    } else if (expression instanceof NotExpression not) {
      not.setExpression(replace(not.getExpression()));
    } else if (expression instanceof IsNullExpression isNull) {
      isNull.setLeftExpression(replace(isNull.getLeftExpression()));
    } else if (expression instanceof Between between) {
      between.setLeftExpression(replace(between.getLeftExpression()));
      between.setBetweenExpressionStart(replace(between.getBetweenExpressionStart()));
      between.setBetweenExpressionEnd(replace(between.getBetweenExpressionEnd()));
    } else if (expression instanceof InExpression in) {
      in.setLeftExpression(replace(in.getLeftExpression()));
      if (in.getRightExpression() instanceof ExpressionList<?> list) {
        replaceAll(list);
      }
    } else if (expression instanceof CastExpression cast) {
      cast.setLeftExpression(replace(cast.getLeftExpression()));
    } else if (expression instanceof SignedExpression signed) {
      signed.setExpression(replace(signed.getExpression()));
    } else if (expression instanceof CaseExpression caseExpression) {
      replaceCase(caseExpression);
    }
    return expression;
  }

  @SuppressWarnings("unchecked")
  private void replaceAll(ExpressionList<?> list) {
    List<Expression> items = (List<Expression>) list;
    items.replaceAll(this::replace);
  }

  private void replaceCase(CaseExpression caseExpression) {
    if (caseExpression.getSwitchExpression() != null) {
      caseExpression.setSwitchExpression(replace(caseExpression.getSwitchExpression()));
    }
    for (WhenClause when : caseExpression.getWhenClauses()) {
      when.setWhenExpression(replace(when.getWhenExpression()));
      when.setThenExpression(replace(when.getThenExpression()));
    }
    if (caseExpression.getElseExpression() != null) {
      caseExpression.setElseExpression(replace(caseExpression.getElseExpression()));
    }
  }

  /** The column (or COALESCE) that reads the subquery's value once it is joined; empty when not rewritable. */
  private Optional<Expression> scalar(ParenthesedSelect sub) {
    if (!(sub.getSelect() instanceof PlainSelect inner) || inner.getSelectItems().size() != 1
        || inner.getSelectItems().get(0).getExpression() instanceof AllColumns
        || inner.getWithItemsList() != null) {
      return Optional.empty();
    }
    Set<String> innerNames = SemiJoins.fromNames(inner);
    if (!referencesOuter(inner, innerNames)) {
      return Optional.of(join(inner, List.of(), List.of(), ALIAS_PREFIX));
    }
    return correlated(inner, innerNames);
  }

  private Optional<Expression> correlated(PlainSelect inner, Set<String> innerNames) {
    Expression value = inner.getSelectItems().get(0).getExpression();
    if (inner.getWhere() == null || inner.getGroupBy() != null || inner.getHaving() != null
        || inner.getLimit() != null || inner.getOffset() != null || inner.getFetch() != null
        || inner.getOrderByElements() != null || mentionsOuter(value, innerNames) || joinsMentionOuter(inner, innerNames)) {
      return Optional.empty();
    }
    List<Expression> innerKeys = new ArrayList<>();
    List<Expression> outerKeys = new ArrayList<>();
    List<Expression> rest = new ArrayList<>();
    for (Expression conjunct : SemiJoins.conjuncts(inner.getWhere())) {
      Column[] pair = SemiJoins.correlation(conjunct, innerNames, outer);
      if (pair != null) {
        innerKeys.add(pair[0]);
        outerKeys.add(pair[1]);
      } else if (mentionsOuter(conjunct, innerNames)) {
        return Optional.empty();
      } else {
        rest.add(conjunct);
      }
    }
    if (innerKeys.isEmpty()) {
      return Optional.empty();
    }
    inner.setWhere(rest.isEmpty() ? null : rest.stream().reduce(AndExpression::new).orElseThrow());
    boolean aggregate = isAggregate(value);
    if (aggregate) {
      GroupByElement groupBy = new GroupByElement();
      innerKeys.forEach(groupBy::addGroupByExpression);
      inner.setGroupByElement(groupBy);
    } else if (AggregatePlanner.containsAggregate(value)) {
      return Optional.empty();
    }
    Expression read = join(inner, innerKeys, outerKeys, aggregate ? GROUPED_PREFIX : ALIAS_PREFIX);
    boolean count = aggregate && ((Function) value).getName().equalsIgnoreCase("COUNT");
    if (count) {
      Function coalesce = new Function("COALESCE", read, new LongValue(0));
      return Optional.of(coalesce);
    }
    return Optional.of(read);
  }

  private static boolean isAggregate(Expression value) {
    return value instanceof Function function
        && AggregatePlanner.FUNCTIONS.contains(function.getName().toUpperCase(Locale.ROOT));
  }

  /**
   * Joins {@code inner} (its item now {@code xc_v}, after the keys {@code xc_k1...}) LEFT to the outer query on
   * the keys (or {@code 1 = 1}) and answers the column that reads its value.
   */
  private Column join(PlainSelect inner, List<Expression> innerKeys, List<Expression> outerKeys, String prefix) {
    String alias = prefix + next++;
    List<SelectItem<?>> items = new ArrayList<>();
    Expression on = null;
    for (int i = 0; i < innerKeys.size(); i++) {
      items.add(SelectItem.from(innerKeys.get(i)).withAlias(new Alias("xc_k" + (i + 1))));
      EqualsTo equality = new EqualsTo(outerKeys.get(i), new Column(new Table(alias), "xc_k" + (i + 1)));
      on = on == null ? equality : new AndExpression(on, equality);
    }
    items.add(SelectItem.from(inner.getSelectItems().get(0).getExpression()).withAlias(new Alias("xc_v")));
    inner.setSelectItems(items);
    Join join = SemiJoins.join(inner, alias, on == null ? new EqualsTo(new LongValue(1), new LongValue(1)) : on);
    join.setInner(false);
    join.setLeft(true);
    if (select.getJoins() == null) {
      select.setJoins(new ArrayList<>());
    }
    select.getJoins().add(join);
    return new Column(new Table(alias), "xc_v");
  }

  private boolean referencesOuter(PlainSelect inner, Set<String> innerNames) {
    return mentionsOuter(inner.getSelectItems().get(0).getExpression(), innerNames)
        || (inner.getWhere() != null && mentionsOuter(inner.getWhere(), innerNames))
        || (inner.getHaving() != null && mentionsOuter(inner.getHaving(), innerNames))
        || joinsMentionOuter(inner, innerNames);
  }

  private boolean joinsMentionOuter(PlainSelect inner, Set<String> innerNames) {
    if (inner.getJoins() == null) {
      return false;
    }
    for (Join join : inner.getJoins()) {
      for (Expression on : join.getOnExpressions()) {
        if (mentionsOuter(on, innerNames)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether an expression names an outer FROM item that the subquery's own FROM does not shadow. */
  private boolean mentionsOuter(Expression expression, Set<String> innerNames) {
    return ExpressionFacts.of(expression).columns.stream()
        .anyMatch(column -> SemiJoins.isOf(column, outer) && !SemiJoins.isOf(column, innerNames));
  }
}
