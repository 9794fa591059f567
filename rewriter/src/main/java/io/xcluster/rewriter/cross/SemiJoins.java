package io.xcluster.rewriter.cross;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.WhenClause;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.Distinct;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * Rewrites the subqueries of a cross-cluster SELECT that are semi-joins into joins the planner already
 * decomposes: a top-level WHERE conjunct {@code x IN (SELECT e FROM ...)} becomes
 * {@code JOIN (SELECT DISTINCT e AS k FROM ...) s ON x = s.k}, and {@code EXISTS (SELECT ... WHERE
 * inner.c = outer.c AND ...)} becomes {@code JOIN (SELECT DISTINCT inner.c AS k FROM ... WHERE ...) s ON
 * outer.c = s.k}. DISTINCT keeps each outer row at most once, as a semi-join does; NULLs never match, as
 * IN and = never are TRUE for them. {@code NOT EXISTS} becomes the same join LEFT, keeping the outer rows
 * it did not match (an anti-join); {@code NOT IN} adds a one-row count of the subquery for its NULL rule.
 * Below AND, OR and NOT the same joins are LEFT, and a condition on what they matched replaces the
 * subquery ({@link #nested}). Scalar subqueries are {@link ScalarSubqueries}' part; anything else (a
 * subquery inside CASE or a function, a correlation that is not an equality of qualified columns) is left
 * for the planner to refuse.
 *
 * <p>It changes the parsed statement in place; that statement serves only this planning.
 */
final class SemiJoins {
  private static final String ALIAS_PREFIX = "xc_semi";

  private final Predicate<PlainSelect> collatedKeys;
  private int next = 1;

  private SemiJoins(Predicate<PlainSelect> collatedKeys) {
    this.collatedKeys = collatedKeys;
  }

  /**
   * @param collatedKeys whether the DISTINCT of a rewritten subquery (its keys named xc_k1, xc_k2...) would
   *     run in a cluster whose collation may take different texts for one value (MySQL's)
   */
  static void rewrite(PlainSelect select, Predicate<PlainSelect> collatedKeys) {
    if (select.getWhere() == null) {
      return;
    }
    new SemiJoins(collatedKeys).rewriteWhere(select);
  }

  private void rewriteWhere(PlainSelect select) {
    List<Expression> kept = new ArrayList<>();
    for (Expression conjunct : conjuncts(select.getWhere())) {
      if (conjunct instanceof InExpression in && in.isNot()) {
        Membership membership = membership(in, select);
        if (membership != null) {
          kept.add(notInCondition(in.getLeftExpression(), membership));
          continue;
        }
      }
      ExistsExpression negated = notExists(conjunct);
      Join join = conjunct instanceof InExpression in ? fromIn(in)
          : conjunct instanceof ExistsExpression exists ? fromExists(exists, outerNames(select))
          : negated != null ? fromExists(negated, outerNames(select)) : null;
      if (join == null) {
        kept.add(nested(conjunct, true, select));
        continue;
      }
      addJoin(select, join);
      if (negated != null) {
        kept.add(matched(join, false));
      }
    }
    select.setWhere(kept.isEmpty() ? null : kept.stream().reduce(AndExpression::new).orElseThrow());
  }

  /**
   * Subqueries under AND, OR, NOT and parentheses below the top level: each becomes a LEFT join, which keeps
   * every outer row once (its keys are distinct), and a condition on what it matched. EXISTS is TRUE or
   * FALSE, so {@code k IS [NOT] NULL} stands for it anywhere. IN may be NULL: where only AND and OR lie above
   * it ({@code positive}), NULL and FALSE drop a row alike and {@code k IS NOT NULL} suffices; elsewhere
   * (under NOT) it takes the exact three-valued form of {@link #inTruth}.
   */
  private Expression nested(Expression expression, boolean positive, PlainSelect select) {
    if (expression instanceof AndExpression and) {
      and.setLeftExpression(nested(and.getLeftExpression(), positive, select));
      and.setRightExpression(nested(and.getRightExpression(), positive, select));
    } else if (expression instanceof OrExpression or) {
      or.setLeftExpression(nested(or.getLeftExpression(), positive, select));
      or.setRightExpression(nested(or.getRightExpression(), positive, select));
    } else if (expression instanceof NotExpression not) {
      not.setExpression(nested(not.getExpression(), false, select));
    } else if (expression instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
      return new ParenthesedExpressionList<>(nested(list.get(0), positive, select));
    } else if (expression instanceof ExistsExpression exists) {
      return nestedExists(exists, select);
    } else if (expression instanceof InExpression in && in.getRightExpression() instanceof ParenthesedSelect) {
      return nestedIn(in, positive, select);
    }
    return expression;
  }

  private Expression nestedExists(ExistsExpression exists, PlainSelect select) {
    boolean negated = exists.isNot();
    exists.setNot(false);
    Join join = fromExists(exists, outerNames(select));
    if (join == null) {
      exists.setNot(negated);
      return exists;
    }
    addJoin(select, join);
    return matched(join, !negated);
  }

  private Expression nestedIn(InExpression in, boolean positive, PlainSelect select) {
    if (positive && !in.isNot()) {
      Join join = fromIn(in);
      if (join == null) {
        return in;
      }
      addJoin(select, join);
      return matched(join, true);
    }
    Membership membership = membership(in, select);
    if (membership == null) {
      return in;
    }
    Expression x = in.getLeftExpression();
    if (positive) {
      return new ParenthesedExpressionList<>(notInCondition(x, membership));
    }
    Expression truth = inTruth(x, membership);
    return in.isNot() ? new NotExpression(truth) : truth;
  }

  /** The LEFT-joined distinct values of a subquery and the one-row count of its rows and non-NULL values. */
  private record Membership(String values, String count) {}

  /**
   * For {@code x [NOT] IN (SELECT e FROM ...)}: LEFT joins the distinct values of e on {@code x = k}, and
   * cross joins a one-row count of the subquery's rows (xc_n) and of its non-NULL values (xc_nn). Null when
   * the subquery's shape does not allow it (several columns, grouping, LIMIT...).
   */
  private Membership membership(InExpression in, PlainSelect select) {
    if (in.getLeftExpression() instanceof ParenthesedExpressionList
        || !(in.getRightExpression() instanceof ParenthesedSelect sub)
        || !(sub.getSelect() instanceof PlainSelect inner) || inner.getSelectItems().size() != 1
        || inner.getGroupBy() != null || inner.getHaving() != null || distinctOn(inner) || inner.getFromItem() == null
        || inner.getLimit() != null || inner.getFetch() != null || inner.getOffset() != null) {
      return null;
    }
    Expression value = inner.getSelectItems().get(0).getExpression();
    PlainSelect counts = new PlainSelect();
    counts.setFromItem(inner.getFromItem());
    counts.setJoins(inner.getJoins());
    counts.setWhere(inner.getWhere());
    Function all = new Function("COUNT");
    all.setParameters(new AllColumns());
    counts.setSelectItems(new ArrayList<>(List.of(SelectItem.from(all).withAlias(new Alias("xc_n")),
        SelectItem.from(new Function("COUNT", value)).withAlias(new Alias("xc_nn")))));
    inner.setSelectItems(new ArrayList<>(List.of(keyItem(value, 1))));
    distinctKeys(inner);
    String values = alias();
    String count = alias();
    Join left = join(inner, values, new EqualsTo(in.getLeftExpression(), new Column(new Table(values), "xc_k1")));
    left.setInner(false);
    left.setLeft(true);
    Join single = join(counts, count, null);
    single.setInner(false);
    single.setSimple(true);
    single.setOnExpressions(List.of());
    addJoin(select, left);
    addJoin(select, single);
    return new Membership(values, count);
  }

  /**
   * {@code x IN (...)} with its three values, as {@code CASE WHEN k IS NOT NULL THEN 1 WHEN n = 0 THEN 0
   * WHEN x IS NULL OR n <> nn THEN NULL ELSE 0 END = 1}: TRUE on a match, FALSE for an empty subquery, NULL
   * when x is NULL or the subquery holds a NULL, else FALSE.
   */
  private static Expression inTruth(Expression x, Membership membership) {
    Column n = new Column(new Table(membership.count()), "xc_n");
    Column nn = new Column(new Table(membership.count()), "xc_nn");
    CaseExpression truth = new CaseExpression();
    truth.setWhenClauses(List.of(
        when(isNull(new Column(new Table(membership.values()), "xc_k1"), false), new LongValue(1)),
        when(new EqualsTo(n, new LongValue(0)), new LongValue(0)),
        when(new OrExpression(isNull(x, true), new NotEqualsTo(n, nn)), new NullValue())));
    truth.setElseExpression(new LongValue(0));
    return new ParenthesedExpressionList<>(new EqualsTo(truth, new LongValue(1)));
  }

  private static WhenClause when(Expression condition, Expression then) {
    WhenClause when = new WhenClause();
    when.setWhenExpression(condition);
    when.setThenExpression(then);
    return when;
  }

  private static IsNullExpression isNull(Expression operand, boolean isNull) {
    IsNullExpression test = new IsNullExpression();
    test.setLeftExpression(operand);
    test.setNot(!isNull);
    return test;
  }

  /** Whether a LEFT-joined subquery matched the row ({@code k IS NOT NULL}), or did not. */
  private static Expression matched(Join join, boolean matched) {
    join.setInner(false);
    join.setLeft(true);
    String alias = join.getRightItem().getAlias().getName();
    return isNull(new Column(new Table(alias), "xc_k1"), !matched);
  }

  private static void addJoin(PlainSelect select, Join join) {
    if (select.getJoins() == null) {
      select.setJoins(new ArrayList<>());
    }
    select.getJoins().add(join);
  }

  /**
   * {@code x NOT IN (...)} where only TRUE matters (a WHERE conjunct, or under AND/OR only): TRUE for every
   * row when the subquery is empty; never when it yields a NULL; else for a non-NULL x it lacks. Written
   * {@code n = nn AND (n = 0 OR (x IS NOT NULL AND k IS NULL))}.
   */
  private static Expression notInCondition(Expression x, Membership membership) {
    Column n = new Column(new Table(membership.count()), "xc_n");
    Column nn = new Column(new Table(membership.count()), "xc_nn");
    Expression unmatched = isNull(new Column(new Table(membership.values()), "xc_k1"), true);
    Expression empty = new EqualsTo(n, new LongValue(0));
    Expression absent = new ParenthesedExpressionList<>(new AndExpression(isNull(x, false), unmatched));
    Expression eitherWay = new ParenthesedExpressionList<>(new OrExpression(empty, absent));
    return new AndExpression(new EqualsTo(n, nn), eitherWay);
  }

  /**
   * Makes the subquery yield each key once. MySQL's DISTINCT follows the column's collation, which may take
   * 'a' and 'A' (or 'a' and 'a ') for one value and keep either, while the join in memory compares exactly: a
   * kept 'a' would then miss an outer 'A' that the subquery does hold. So on MySQL each text key also ships
   * its bytes ({@code HEX(k)}), and DISTINCT keeps every exact value; the extra column only ever splits groups.
   */
  private void distinctKeys(PlainSelect inner) {
    inner.setDistinct(new Distinct());
    if (!collatedKeys.test(inner)) {
      return;
    }
    List<SelectItem<?>> items = new ArrayList<>(inner.getSelectItems());
    for (SelectItem<?> key : inner.getSelectItems()) {
      String number = key.getAlias().getName().substring("xc_k".length());
      items.add(SelectItem.from(new Function("HEX", key.getExpression())).withAlias(new Alias("xc_x" + number)));
    }
    inner.setSelectItems(items);
  }

  /** {@code NOT EXISTS (...)}, however JSqlParser wrote it; else null. */
  private static ExistsExpression notExists(Expression conjunct) {
    if (conjunct instanceof NotExpression not && not.getExpression() instanceof ExistsExpression exists
        && !exists.isNot()) {
      return exists;
    }
    return null;
  }

  static List<Expression> conjuncts(Expression where) {
    List<Expression> parts = new ArrayList<>();
    Deque<Expression> pending = new ArrayDeque<>();
    pending.push(where);
    while (!pending.isEmpty()) {
      Expression next = pending.pop();
      if (next instanceof AndExpression and) {
        pending.push(and.getRightExpression());
        pending.push(and.getLeftExpression());
      } else {
        parts.add(next);
      }
    }
    return parts;
  }

  /** Plain DISTINCT changes neither the set of values nor whether one is NULL; DISTINCT ON does. */
  private static boolean distinctOn(PlainSelect inner) {
    return inner.getDistinct() != null && inner.getDistinct().getOnSelectItems() != null;
  }

  /** {@code x IN (SELECT e ...)}, not negated, one column: a join with the distinct values of e. */
  private Join fromIn(InExpression in) {
    if (in.isNot() || in.getLeftExpression() instanceof ParenthesedExpressionList
        || !(in.getRightExpression() instanceof ParenthesedSelect sub)
        || !(sub.getSelect() instanceof PlainSelect inner) || inner.getSelectItems().size() != 1 || distinctOn(inner)
        || inner.getFromItem() == null
        || inner.getLimit() != null || inner.getFetch() != null || inner.getOffset() != null) {
      return null;
    }
    String alias = alias();
    inner.setSelectItems(new ArrayList<>(List.of(keyItem(inner.getSelectItems().get(0).getExpression(), 1))));
    distinctKeys(inner);
    return join(inner, alias, new EqualsTo(in.getLeftExpression(), new Column(new Table(alias), "xc_k1")));
  }

  /**
   * {@code EXISTS (SELECT ... WHERE a = outer.b AND ...)}: every reference to the outer query must be an
   * equality of qualified columns at the top level of the subquery's WHERE. Not rewritten (so refused) when
   * the subquery's row count is not "one per matching row": an aggregate without GROUP BY always yields a
   * row, and LIMIT, OFFSET or FETCH would cut the keys of all outer rows at once.
   */
  private Join fromExists(ExistsExpression exists, Set<String> outer) {
    if (exists.isNot() || !(exists.getRightExpression() instanceof ParenthesedSelect sub)
        || !(sub.getSelect() instanceof PlainSelect inner) || inner.getWhere() == null || inner.getFromItem() == null
        || inner.getGroupBy() != null || inner.getHaving() != null || inner.getLimit() != null
        || inner.getOffset() != null || inner.getFetch() != null
        || inner.getSelectItems().stream().anyMatch(item -> AggregatePlanner.containsAggregate(item.getExpression()))) {
      return null;
    }
    Set<String> innerNames = fromNames(inner);
    List<Expression> innerKeys = new ArrayList<>();
    List<Expression> outerKeys = new ArrayList<>();
    List<Expression> rest = new ArrayList<>();
    for (Expression conjunct : conjuncts(inner.getWhere())) {
      Column[] pair = correlation(conjunct, innerNames, outer);
      if (pair != null) {
        innerKeys.add(pair[0]);
        outerKeys.add(pair[1]);
      } else if (mentions(conjunct, outer, innerNames)) {
        return null;
      } else {
        rest.add(conjunct);
      }
    }
    if (innerKeys.isEmpty()) {
      return null;
    }
    String alias = alias();
    List<SelectItem<?>> items = new ArrayList<>();
    Expression on = null;
    for (int i = 0; i < innerKeys.size(); i++) {
      items.add(keyItem(innerKeys.get(i), i + 1));
      EqualsTo equality = new EqualsTo(outerKeys.get(i), new Column(new Table(alias), "xc_k" + (i + 1)));
      on = on == null ? equality : new AndExpression(on, equality);
    }
    inner.setSelectItems(items);
    inner.setWhere(rest.isEmpty() ? null : rest.stream().reduce(AndExpression::new).orElseThrow());
    distinctKeys(inner);
    return join(inner, alias, on);
  }

  /** {@code inner.c = outer.c} either way round: [inner column, outer column]; else null. */
  static Column[] correlation(Expression conjunct, Set<String> inner, Set<String> outer) {
    if (!(conjunct instanceof EqualsTo equals && equals.getLeftExpression() instanceof Column left
        && equals.getRightExpression() instanceof Column right)) {
      return null;
    }
    if (isOf(left, inner) && isOf(right, outer) && !isOf(right, inner)) {
      return new Column[] {left, right};
    }
    if (isOf(right, inner) && isOf(left, outer) && !isOf(left, inner)) {
      return new Column[] {right, left};
    }
    return null;
  }

  static boolean isOf(Column column, Set<String> names) {
    return column.getTable() != null && column.getTable().getName() != null
        && names.contains(key(column.getTable().getName()));
  }

  /** Whether a condition names an outer item (qualified by a name the subquery's own FROM lacks). */
  private static boolean mentions(Expression conjunct, Set<String> outer, Set<String> inner) {
    for (Column column : ExpressionFacts.of(conjunct).columns) {
      if (isOf(column, outer) && !isOf(column, inner)) {
        return true;
      }
    }
    return !ExpressionFacts.of(conjunct).columns.stream().allMatch(c -> c.getTable() == null || isOf(c, inner));
  }

  private static Set<String> outerNames(PlainSelect select) {
    return fromNames(select);
  }

  static Set<String> fromNames(PlainSelect select) {
    Set<String> names = new HashSet<>();
    addName(select.getFromItem(), names);
    if (select.getJoins() != null) {
      select.getJoins().forEach(join -> addName(join.getRightItem(), names));
    }
    return names;
  }

  private static void addName(FromItem item, Set<String> names) {
    if (item == null) {
      return; // a SELECT without FROM names nothing
    }
    if (item.getAlias() != null) {
      names.add(key(item.getAlias().getName()));
    } else if (item instanceof Table table) {
      names.add(key(table.getName()));
    }
  }

  private static String key(String name) {
    Identifier identifier = Identifier.of(name);
    return identifier.quoted() ? identifier.text() : identifier.text().toLowerCase(Locale.ROOT);
  }

  private static SelectItem<?> keyItem(Expression expression, int number) {
    return SelectItem.from(expression).withAlias(new Alias("xc_k" + number));
  }

  private String alias() {
    return ALIAS_PREFIX + next++;
  }

  /** Whether a FROM item is one this rewrite added, so {@code SELECT *} must not show its columns. */
  static boolean added(Leaf leaf) {
    return leaf.table() == null && leaf.reference().startsWith(ALIAS_PREFIX);
  }

  static Join join(Select inner, String alias, Expression on) {
    ParenthesedSelect derived = new ParenthesedSelect();
    derived.setSelect(inner);
    derived.setAlias(new Alias(alias));
    Join join = new Join();
    join.setRightItem(derived);
    join.setInner(true);
    join.setOnExpressions(on == null ? List.of() : List.of(on));
    return join;
  }
}
