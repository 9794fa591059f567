package io.xcluster.rewriter.analysis;

import io.xcluster.rewriter.StatementKind;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.statement.DescribeStatement;
import net.sf.jsqlparser.statement.ExplainStatement;
import net.sf.jsqlparser.statement.ResetStatement;
import net.sf.jsqlparser.statement.SetStatement;
import net.sf.jsqlparser.statement.ShowColumnsStatement;
import net.sf.jsqlparser.statement.ShowStatement;
import net.sf.jsqlparser.statement.StatementVisitorAdapter;
import net.sf.jsqlparser.statement.UseStatement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterSession;
import net.sf.jsqlparser.statement.alter.RenameTableStatement;
import net.sf.jsqlparser.statement.alter.sequence.AlterSequence;
import net.sf.jsqlparser.statement.comment.Comment;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.schema.CreateSchema;
import net.sf.jsqlparser.statement.create.sequence.CreateSequence;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.view.AlterView;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.delete.ParenthesedDelete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.execute.Execute;
import net.sf.jsqlparser.statement.grant.Grant;
import net.sf.jsqlparser.statement.grant.Revoke;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.insert.ParenthesedInsert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.refresh.RefreshMaterializedViewStatement;
import net.sf.jsqlparser.statement.select.ForMode;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.show.ShowIndexStatement;
import net.sf.jsqlparser.statement.show.ShowTablesStatement;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.ParenthesedUpdate;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.upsert.Upsert;

/**
 * What a statement does. Anything not named here is {@link StatementKind#OTHER}, which counts as a write.
 * Two reads that write are caught: a SELECT whose WITH holds an INSERT/UPDATE/DELETE (PostgreSQL) takes
 * that statement's kind, and EXPLAIN ANALYZE, which runs its statement, takes the statement's kind.
 */
final class KindClassifier extends StatementVisitorAdapter<StatementKind> {
  private static final Set<ForMode> LOCKING = Set.of(ForMode.UPDATE, ForMode.SHARE, ForMode.NO_KEY_UPDATE,
      ForMode.KEY_SHARE);

  @Override
  public <S> StatementKind visit(Select select, S context) {
    return writingCte(select.getWithItemsList())
        .orElse(locks(select) ? StatementKind.LOCKING_QUERY : StatementKind.QUERY);
  }

  private Optional<StatementKind> writingCte(List<WithItem<?>> items) {
    if (items == null) {
      return Optional.empty();
    }
    return items.stream()
        .map(WithItem::getParenthesedStatement)
        .filter(statement -> !(statement instanceof ParenthesedSelect))
        .map(statement -> statement.accept(this, null))
        .filter(Objects::nonNull)
        .findFirst();
  }

  private static boolean locks(Select select) {
    if (select.getForMode() != null && LOCKING.contains(select.getForMode())) {
      return true;
    }
    if (select instanceof ParenthesedSelect parenthesed) {
      return locks(parenthesed.getSelect());
    }
    if (select instanceof SetOperationList setOperation) {
      return setOperation.getSelects().stream().anyMatch(KindClassifier::locks);
    }
    return select instanceof PlainSelect plain && plain.getForUpdate() != null
        && LOCKING.contains(plain.getForUpdate().getMode());
  }

  @Override
  public <S> StatementKind visit(Insert insert, S context) {
    return StatementKind.INSERT;
  }

  @Override
  public <S> StatementKind visit(ParenthesedInsert insert, S context) {
    return StatementKind.INSERT;
  }

  @Override
  public <S> StatementKind visit(Update update, S context) {
    return StatementKind.UPDATE;
  }

  @Override
  public <S> StatementKind visit(ParenthesedUpdate update, S context) {
    return StatementKind.UPDATE;
  }

  @Override
  public <S> StatementKind visit(Delete delete, S context) {
    return StatementKind.DELETE;
  }

  @Override
  public <S> StatementKind visit(ParenthesedDelete delete, S context) {
    return StatementKind.DELETE;
  }

  @Override
  public <S> StatementKind visit(Merge merge, S context) {
    return StatementKind.MERGE;
  }

  @Override
  public <S> StatementKind visit(Upsert upsert, S context) {
    return StatementKind.MERGE;
  }

  @Override
  public <S> StatementKind visit(Execute execute, S context) {
    return StatementKind.CALL;
  }

  @Override
  public <S> StatementKind visit(ExplainStatement explain, S context) {
    boolean runs = explain.getOption(ExplainStatement.OptionType.ANALYZE) != null
        && explain.getStatement() != null;
    return runs ? explain.getStatement().accept(this, context) : StatementKind.SESSION;
  }

  @Override
  public <S> StatementKind visit(SetStatement set, S context) {
    return StatementKind.SESSION;
  }

  @Override
  public <S> StatementKind visit(ResetStatement reset, S context) {
    return StatementKind.SESSION;
  }

  @Override
  public <S> StatementKind visit(UseStatement use, S context) {
    return StatementKind.SESSION;
  }

  @Override
  public <S> StatementKind visit(ShowStatement show, S context) {
    return StatementKind.SESSION;
  }

  @Override
  public <S> StatementKind visit(ShowColumnsStatement show, S context) {
    return StatementKind.SESSION;
  }

  @Override
  public <S> StatementKind visit(ShowIndexStatement show, S context) {
    return StatementKind.SESSION;
  }

  @Override
  public <S> StatementKind visit(ShowTablesStatement show, S context) {
    return StatementKind.SESSION;
  }

  @Override
  public <S> StatementKind visit(DescribeStatement describe, S context) {
    return StatementKind.SESSION;
  }

  @Override
  public <S> StatementKind visit(AlterSession alter, S context) {
    return StatementKind.SESSION;
  }

  @Override
  public <S> StatementKind visit(CreateTable create, S context) {
    return StatementKind.DDL;
  }

  @Override
  public <S> StatementKind visit(CreateIndex create, S context) {
    return StatementKind.DDL;
  }

  @Override
  public <S> StatementKind visit(CreateView create, S context) {
    return StatementKind.DDL;
  }

  @Override
  public <S> StatementKind visit(CreateSchema create, S context) {
    return StatementKind.DDL;
  }

  @Override
  public <S> StatementKind visit(CreateSequence create, S context) {
    return StatementKind.DDL;
  }

  @Override
  public <S> StatementKind visit(Alter alter, S context) {
    return StatementKind.DDL;
  }

  @Override
  public <S> StatementKind visit(AlterView alter, S context) {
    return StatementKind.DDL;
  }

  @Override
  public <S> StatementKind visit(AlterSequence alter, S context) {
    return StatementKind.DDL;
  }

  @Override
  public <S> StatementKind visit(Drop drop, S context) {
    return StatementKind.DDL;
  }

  @Override
  public <S> StatementKind visit(Truncate truncate, S context) {
    return StatementKind.DDL;
  }

  @Override
  public <S> StatementKind visit(Comment comment, S context) {
    return StatementKind.DDL;
  }

  @Override
  public <S> StatementKind visit(RenameTableStatement rename, S context) {
    return StatementKind.DDL;
  }

  @Override
  public <S> StatementKind visit(Grant grant, S context) {
    return StatementKind.DDL;
  }

  @Override
  public <S> StatementKind visit(Revoke revoke, S context) {
    return StatementKind.DDL;
  }

  @Override
  public <S> StatementKind visit(RefreshMaterializedViewStatement refresh, S context) {
    return StatementKind.DDL;
  }
}
