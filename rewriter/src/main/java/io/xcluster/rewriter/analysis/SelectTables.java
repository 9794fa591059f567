package io.xcluster.rewriter.analysis;

import net.sf.jsqlparser.statement.piped.FromQuery;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.LateralSubSelect;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectVisitorAdapter;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.TableStatement;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.select.WithItem;

/** Tables of query expressions: each select's WITH scope, then its clauses in the order they are written. */
final class SelectTables extends SelectVisitorAdapter<Void> {
  private final TableWalk walk;

  SelectTables(TableWalk walk) {
    this.walk = walk;
  }

  @Override
  public <S> Void visit(PlainSelect select, S context) {
    walk.withCtes(select.getWithItemsList(), () -> clauses(select));
    return null;
  }

  private void clauses(PlainSelect select) {
    walk.selectItems(select.getSelectItems());
    walk.targets(select.getIntoTables());
    walk.fromItem(select.getFromItem());
    walk.joins(select.getJoins());
    walk.expression(select.getWhere());
    groupBy(select.getGroupBy());
    walk.expression(select.getHaving());
    walk.expression(select.getQualify());
    walk.orderBy(select.getOrderByElements());
  }

  private void groupBy(GroupByElement groupBy) {
    if (groupBy != null) {
      walk.expressions(groupBy.getGroupByExpressionList());
    }
  }

  @Override
  public <S> Void visit(SetOperationList setOperation, S context) {
    walk.withCtes(setOperation.getWithItemsList(), () -> {
      setOperation.getSelects().forEach(walk::select);
      walk.orderBy(setOperation.getOrderByElements());
    });
    return null;
  }

  @Override
  public <S> Void visit(ParenthesedSelect select, S context) {
    walk.withCtes(select.getWithItemsList(), () -> walk.select(select.getSelect()));
    return null;
  }

  @Override
  public <S> Void visit(LateralSubSelect select, S context) {
    return visit((ParenthesedSelect) select, context);
  }

  @Override
  public <S> Void visit(Values values, S context) {
    walk.expressions(values.getExpressions());
    return null;
  }

  @Override
  public <S> Void visit(TableStatement table, S context) {
    walk.reference(table.getTable());
    return null;
  }

  @Override
  public <S> Void visit(FromQuery query, S context) {
    walk.withCtes(query.getWithItemsList(), () -> {
      walk.fromItem(query.getFromItem());
      walk.joins(query.getJoins());
    });
    return null;
  }

  /** The adapter's default casts the body to a select, which fails for PostgreSQL's DML in WITH. */
  @Override
  public <S> Void visit(WithItem<?> item, S context) {
    walk.statement(item.getParenthesedStatement());
    return null;
  }
}
