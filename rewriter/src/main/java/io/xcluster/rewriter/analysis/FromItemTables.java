package io.xcluster.rewriter.analysis;

import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.piped.FromQuery;
import net.sf.jsqlparser.statement.select.FromItemVisitorAdapter;
import net.sf.jsqlparser.statement.select.LateralSubSelect;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.statement.select.TableStatement;
import net.sf.jsqlparser.statement.select.Values;

/** Tables of FROM and JOIN items: named tables (unless a CTE), derived tables, LATERAL, table functions. */
final class FromItemTables extends FromItemVisitorAdapter<Void> {
  private final TableWalk walk;

  FromItemTables(TableWalk walk) {
    this.walk = walk;
  }

  @Override
  public <S> Void visit(Table table, S context) {
    walk.reference(table);
    return null;
  }

  @Override
  public <S> Void visit(ParenthesedSelect select, S context) {
    walk.select(select);
    return null;
  }

  @Override
  public <S> Void visit(LateralSubSelect select, S context) {
    walk.select(select);
    return null;
  }

  @Override
  public <S> Void visit(TableFunction function, S context) {
    walk.expression(function.getFunction());
    return null;
  }

  @Override
  public <S> Void visit(ParenthesedFromItem item, S context) {
    walk.fromItem(item.getFromItem());
    walk.joins(item.getJoins());
    return null;
  }

  @Override
  public <S> Void visit(Values values, S context) {
    walk.select(values);
    return null;
  }

  @Override
  public <S> Void visit(PlainSelect select, S context) {
    walk.select(select);
    return null;
  }

  @Override
  public <S> Void visit(SetOperationList setOperation, S context) {
    walk.select(setOperation);
    return null;
  }

  @Override
  public <S> Void visit(TableStatement table, S context) {
    walk.select(table);
    return null;
  }

  @Override
  public <S> Void visit(FromQuery query, S context) {
    walk.select(query);
    return null;
  }
}
