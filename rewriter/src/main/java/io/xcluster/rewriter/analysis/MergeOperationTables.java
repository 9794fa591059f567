package io.xcluster.rewriter.analysis;

import net.sf.jsqlparser.statement.merge.MergeDelete;
import net.sf.jsqlparser.statement.merge.MergeInsert;
import net.sf.jsqlparser.statement.merge.MergeOperationVisitorAdapter;
import net.sf.jsqlparser.statement.merge.MergeUpdate;

/** Tables in the conditions and values of a MERGE's WHEN clauses (subqueries only; the target is known). */
final class MergeOperationTables extends MergeOperationVisitorAdapter<Void> {
  private final TableWalk walk;

  MergeOperationTables(TableWalk walk) {
    this.walk = walk;
  }

  @Override
  public <S> Void visit(MergeUpdate update, S context) {
    walk.expression(update.getAndPredicate());
    walk.updateSets(update.getUpdateSets());
    walk.expression(update.getWhereCondition());
    walk.expression(update.getDeleteWhereCondition());
    return null;
  }

  @Override
  public <S> Void visit(MergeInsert insert, S context) {
    walk.expression(insert.getAndPredicate());
    walk.expressions(insert.getValues());
    walk.expression(insert.getWhereCondition());
    return null;
  }

  @Override
  public <S> Void visit(MergeDelete delete, S context) {
    walk.expression(delete.getAndPredicate());
    return null;
  }
}
