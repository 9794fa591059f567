package io.xcluster.rewriter.analysis;

import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.DescribeStatement;
import net.sf.jsqlparser.statement.ExplainStatement;
import net.sf.jsqlparser.statement.ShowColumnsStatement;
import net.sf.jsqlparser.statement.StatementVisitorAdapter;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.RenameTableStatement;
import net.sf.jsqlparser.statement.analyze.Analyze;
import net.sf.jsqlparser.statement.comment.Comment;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;
import net.sf.jsqlparser.statement.create.table.Index;
import net.sf.jsqlparser.statement.create.view.AlterView;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.delete.ParenthesedDelete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.execute.Execute;
import net.sf.jsqlparser.statement.grant.Grant;
import net.sf.jsqlparser.statement.grant.PrivilegeTarget;
import net.sf.jsqlparser.statement.grant.Revoke;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.insert.InsertConflictAction;
import net.sf.jsqlparser.statement.insert.ParenthesedInsert;
import net.sf.jsqlparser.statement.lock.LockStatement;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.refresh.RefreshMaterializedViewStatement;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.show.ShowIndexStatement;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.ParenthesedUpdate;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.upsert.Upsert;

/**
 * Tables of whole statements: DML targets and sources, DDL targets (a view's own name included, a foreign
 * key's referenced table included), and the table that SHOW / DESCRIBE / EXPLAIN / LOCK / GRANT name.
 * Statements that name no table (SET, CALL of a routine, CREATE SEQUENCE...) report none.
 */
final class StatementTables extends StatementVisitorAdapter<Void> {
  private final TableWalk walk;

  StatementTables(TableWalk walk) {
    this.walk = walk;
  }

  @Override
  public <S> Void visit(Select select, S context) {
    walk.select(select);
    return null;
  }

  @Override
  public <S> Void visit(Insert insert, S context) {
    walk.withCtes(insert.getWithItemsList(), () -> {
      walk.target(insert.getTable());
      walk.select(insert.getSelect());
      walk.updateSets(insert.getSetUpdateSets());
      walk.updateSets(insert.getDuplicateUpdateSets());
      conflict(insert.getConflictAction());
      walk.selectItems(insert.getReturningClause());
    });
    return null;
  }

  private void conflict(InsertConflictAction action) {
    if (action != null) {
      walk.updateSets(action.getUpdateSets());
      walk.expression(action.getWhereExpression());
    }
  }

  @Override
  public <S> Void visit(ParenthesedInsert insert, S context) {
    return visit(insert.getInsert(), context);
  }

  @Override
  public <S> Void visit(Update update, S context) {
    walk.withCtes(update.getWithItemsList(), () -> {
      walk.target(update.getTable());
      walk.joins(update.getStartJoins());
      if (update.isFromBeforeSet()) {
        fromAndJoins(update);
      }
      walk.updateSets(update.getUpdateSets());
      if (!update.isFromBeforeSet()) {
        fromAndJoins(update);
      }
      walk.expression(update.getWhere());
      walk.selectItems(update.getReturningClause());
    });
    return null;
  }

  private void fromAndJoins(Update update) {
    walk.fromItem(update.getFromItem());
    walk.joins(update.getJoins());
  }

  @Override
  public <S> Void visit(ParenthesedUpdate update, S context) {
    return visit(update.getUpdate(), context);
  }

  /** MySQL's {@code DELETE t FROM users t JOIN ...} lists targets that are aliases of its FROM tables. */
  @Override
  public <S> Void visit(Delete delete, S context) {
    walk.withCtes(delete.getWithItemsList(), () -> {
      if (delete.getTable() != null) {
        walk.target(delete.getTable());
      } else {
        walk.targets(delete.getTables());
      }
      walk.fromItems(delete.getUsingFromItemList());
      walk.joins(delete.getJoins());
      walk.expression(delete.getWhere());
      walk.selectItems(delete.getReturningClause());
    });
    return null;
  }

  @Override
  public <S> Void visit(ParenthesedDelete delete, S context) {
    return visit(delete.getDelete(), context);
  }

  @Override
  public <S> Void visit(Merge merge, S context) {
    walk.withCtes(merge.getWithItemsList(), () -> {
      walk.target(merge.getTable());
      walk.fromItem(merge.getFromItem());
      walk.expression(merge.getOnCondition());
      if (merge.getOperations() != null) {
        MergeOperationTables operations = new MergeOperationTables(walk);
        merge.getOperations().forEach(operation -> operation.accept(operations, null));
      }
    });
    return null;
  }

  @Override
  public <S> Void visit(Upsert upsert, S context) {
    walk.target(upsert.getTable());
    walk.select(upsert.getSelect());
    walk.updateSets(upsert.getUpdateSets());
    walk.updateSets(upsert.getDuplicateUpdateSets());
    return null;
  }

  @Override
  public <S> Void visit(CreateTable create, S context) {
    walk.target(create.getTable());
    walk.target(create.getLikeTable());
    walk.target(create.getPartitionOf());
    references(create.getColumnDefinitions());
    indexReferences(create.getIndexes());
    walk.select(create.getSelect());
    return null;
  }

  private void references(List<ColumnDefinition> columns) {
    if (columns != null) {
      columns.stream()
          .filter(column -> column.getForeignKeyReference() != null)
          .forEach(column -> walk.target(column.getForeignKeyReference().getTable()));
    }
  }

  private void indexReferences(List<Index> indexes) {
    if (indexes != null) {
      indexes.forEach(this::indexReference);
    }
  }

  private void indexReference(Index index) {
    if (index instanceof ForeignKeyIndex foreignKey) {
      walk.target(foreignKey.getTable());
    }
  }

  @Override
  public <S> Void visit(CreateIndex create, S context) {
    walk.target(create.getTable());
    return null;
  }

  @Override
  public <S> Void visit(CreateView create, S context) {
    walk.target(create.getView());
    walk.select(create.getSelect());
    return null;
  }

  @Override
  public <S> Void visit(AlterView alter, S context) {
    walk.target(alter.getView());
    walk.select(alter.getSelect());
    return null;
  }

  @Override
  public <S> Void visit(Alter alter, S context) {
    walk.target(alter.getTable());
    if (alter.getAlterExpressions() != null) {
      alter.getAlterExpressions().stream().map(AlterExpression::getIndex).forEach(this::indexReference);
    }
    return null;
  }

  /** DROP INDEX names an index, not a table; MySQL's {@code DROP INDEX i ON t} names t after ON. */
  @Override
  public <S> Void visit(Drop drop, S context) {
    String type = drop.getType() == null ? "" : drop.getType().toUpperCase(Locale.ROOT);
    if (type.equals("TABLE") || type.endsWith("VIEW")) {
      walk.targets(drop.getNames() != null ? drop.getNames() : List.of(drop.getName()));
    } else if (type.equals("INDEX")) {
      indexOwner(drop.getParameters());
    }
    return null;
  }

  private void indexOwner(List<String> parameters) {
    int on = parameters == null ? -1 : parameters.indexOf("ON");
    if (on >= 0 && on + 1 < parameters.size()) {
      walk.add(TableNames.parse(parameters.get(on + 1)));
    }
  }

  @Override
  public <S> Void visit(Truncate truncate, S context) {
    walk.targets(truncate.getTables() != null ? truncate.getTables() : List.of(truncate.getTable()));
    return null;
  }

  /** Both names: the new one decides where the table would live. */
  @Override
  public <S> Void visit(RenameTableStatement rename, S context) {
    rename.getTableNames().forEach(entry -> {
      walk.target(entry.getKey());
      walk.target(entry.getValue());
    });
    return null;
  }

  @Override
  public <S> Void visit(Comment comment, S context) {
    walk.target(comment.getTable());
    walk.target(comment.getView());
    if (comment.getColumn() != null) {
      walk.target(comment.getColumn().getTable());
    }
    return null;
  }

  @Override
  public <S> Void visit(Grant grant, S context) {
    privilegeTarget(grant.getTarget());
    return null;
  }

  @Override
  public <S> Void visit(Revoke revoke, S context) {
    if (revoke.getClause() != null) {
      privilegeTarget(revoke.getClause().getTarget());
    }
    return null;
  }

  /** Only table privileges name tables; ON SCHEMA, ON ALL TABLES IN SCHEMA, ON FUNCTION... do not. */
  private void privilegeTarget(PrivilegeTarget target) {
    if (target != null) {
      target.visitTables(walk::target);
    }
  }

  @Override
  public <S> Void visit(Execute execute, S context) {
    ExpressionList<?> arguments = execute.getExprList();
    walk.expressions(arguments);
    return null;
  }

  @Override
  public <S> Void visit(ExplainStatement explain, S context) {
    walk.target(explain.getTable());
    walk.statement(explain.getStatement());
    return null;
  }

  @Override
  public <S> Void visit(DescribeStatement describe, S context) {
    walk.target(describe.getTable());
    return null;
  }

  @Override
  public <S> Void visit(ShowColumnsStatement show, S context) {
    walk.add(TableNames.parse(show.getTableName()));
    return null;
  }

  @Override
  public <S> Void visit(ShowIndexStatement show, S context) {
    walk.add(TableNames.parse(show.getTableName()));
    return null;
  }

  @Override
  public <S> Void visit(Analyze analyze, S context) {
    List<Table> tables = analyze.getTables();
    walk.targets(tables != null && !tables.isEmpty() ? tables : List.of(analyze.getTable()));
    return null;
  }

  @Override
  public <S> Void visit(RefreshMaterializedViewStatement refresh, S context) {
    walk.target(refresh.getView());
    return null;
  }

  @Override
  public <S> Void visit(LockStatement lock, S context) {
    walk.target(lock.getTable());
    return null;
  }
}
