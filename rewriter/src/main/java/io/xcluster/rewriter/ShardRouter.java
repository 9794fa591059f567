package io.xcluster.rewriter;

import io.xcluster.config.ClusterConfig;
import io.xcluster.config.Sharding;
import io.xcluster.config.TableName;
import io.xcluster.error.SqlState;
import io.xcluster.error.XClusterException;
import io.xcluster.rewriter.analysis.Analysis;
import io.xcluster.rewriter.analysis.TableNames;
import io.xcluster.rewriter.cross.ShardPins;
import io.xcluster.rewriter.eval.ValueKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * Routes a statement whose tables all live in one sharded cluster: to the shards its shard key values pick
 * (resolved when it runs, since they may be parameters), to every shard, or, for a SELECT that no single
 * shard can answer, nowhere: {@link #route} is then empty and the SELECT is planned like a cross-cluster one,
 * each shard's rows merged in memory.
 *
 * <p>Refused, with the fix: an INSERT that does not give the shard key (or gives it as an expression), an
 * UPDATE that sets the shard key (it could move a row to another shard), writes that read further tables or
 * subqueries, locking reads that reach several shards, and statements whose effect on several shards is not
 * one database's (MERGE, CALL...).
 */
final class ShardRouter {
  /** A second SELECT anywhere in the text (subquery, CTE, set operation): the statement is not one table's. */
  private static final Pattern SELECT = Pattern.compile("\\bselect\\b", Pattern.CASE_INSENSITIVE);

  private final ClusterConfig cluster;
  private final Sharding sharding;
  private final ColumnCatalog catalog;

  ShardRouter(ClusterConfig cluster, ColumnCatalog catalog) {
    this.cluster = cluster;
    this.sharding = cluster.sharding().orElseThrow();
    this.catalog = catalog;
  }

  Optional<Plan.PassThrough> route(String sql, Statement statement, Analysis analysis) {
    StatementKind kind = analysis.kind();
    return switch (kind) {
      case QUERY, LOCKING_QUERY -> query(sql, statement, analysis);
      case INSERT -> Optional.of(insert(sql, statement, analysis));
      case UPDATE, DELETE -> Optional.of(changeRows(sql, statement, analysis));
      case DDL -> Optional.of(pass(sql, analysis, ShardPick.ALL));
      default -> throw refused(kind.name() + " statements", "run it on each shard with a leading /* xcluster:cluster="
          + cluster.shardServer(0) + " */ hint");
    };
  }

  /** A SELECT of one table, no subquery, whose WHERE pins one key: that shard answers alone. */
  private Optional<Plan.PassThrough> query(String sql, Statement statement, Analysis analysis) {
    Optional<ShardPick> pick = statement instanceof PlainSelect select && oneTable(select) ? Optional.of(
        pick(select.getWhere(), (Table) select.getFromItem())) : Optional.empty();
    if (pick.isPresent() && pick.get().keys().size() == 1) {
      return Optional.of(pass(sql, analysis, pick.get()));
    }
    if (analysis.kind() == StatementKind.LOCKING_QUERY) {
      throw refused("a locking SELECT (FOR UPDATE / FOR SHARE) that does not pin one shard key value",
          "lock rows of one shard at a time: add WHERE " + keyOf(analysis.tables().get(0)) + " = ? on one table");
    }
    return Optional.empty();
  }

  private static boolean oneTable(PlainSelect select) {
    return select.getFromItem() instanceof Table && (select.getJoins() == null || select.getJoins().isEmpty())
        && countSelects(select.toString()) == 1;
  }

  private static int countSelects(String text) {
    return (int) SELECT.matcher(text).results().count();
  }

  private Plan.PassThrough insert(String sql, Statement statement, Analysis analysis) {
    Insert insert = (Insert) statement;
    String key = keyOf(TableNames.of(insert.getTable()));
    if (!(insert.getSelect() instanceof net.sf.jsqlparser.statement.select.Values values)
        || countSelects(insert.toString()) > 0) {
      throw refused("INSERT ... SELECT", "insert the rows with VALUES, each giving its " + key);
    }
    int column = keyColumn(insert.getColumns(), key);
    refuseKeyChange(insert.getDuplicateUpdateSets(), key); // MySQL's ON DUPLICATE KEY UPDATE
    if (insert.getConflictAction() != null) {
      refuseKeyChange(insert.getConflictAction().getUpdateSets(), key); // PostgreSQL's ON CONFLICT DO UPDATE
    }
    List<ShardPick.Key> keys = new ArrayList<>();
    for (ExpressionList<?> row : rows(values.getExpressions())) {
      Expression value = row.size() > column ? row.get(column) : null;
      keys.add(ShardPins.key(value).orElseThrow(() -> refused("an INSERT whose shard key " + key + " is '" + value + "'",
          "give " + key + " as a literal or a ? parameter, so that xcluster knows the row's shard")));
    }
    Optional<ValueKind> kind = kindOf(insert.getTable(), key);
    return pass(sql, analysis, new ShardPick(keys, kind.isPresent() ? ShardPick.keyType(kind)
        : ShardPins.keyTypeOf(keys)));
  }

  private int keyColumn(ExpressionList<Column> columns, String key) {
    for (int i = 0; columns != null && i < columns.size(); i++) {
      if (ShardPins.named(key).test(columns.get(i))) {
        return i;
      }
    }
    throw refused("an INSERT that does not name the shard key column " + key,
        "list the columns, " + key + " among them: INSERT INTO t (" + key + ", ...) VALUES (?, ...)");
  }

  private static List<ExpressionList<?>> rows(ExpressionList<?> values) {
    List<ExpressionList<?>> rows = new ArrayList<>();
    if (!values.isEmpty() && values.stream().allMatch(value -> value instanceof ExpressionList<?>)) {
      values.forEach(row -> rows.add((ExpressionList<?>) row));
    } else {
      rows.add(values);
    }
    return rows;
  }

  /** UPDATE / DELETE of one table: the shards its WHERE pins, else every shard. */
  private Plan.PassThrough changeRows(String sql, Statement statement, Analysis analysis) {
    Table table = statement instanceof Update update ? update.getTable() : ((Delete) statement).getTable();
    boolean joins = statement instanceof Update update
        ? update.getFromItem() != null || (update.getJoins() != null && !update.getJoins().isEmpty())
            || (update.getStartJoins() != null && !update.getStartJoins().isEmpty())
        : ((Delete) statement).getJoins() != null && !((Delete) statement).getJoins().isEmpty()
            || ((Delete) statement).getUsingList() != null && !((Delete) statement).getUsingList().isEmpty();
    if (table == null || joins || analysis.tables().size() > 1 || countSelects(statement.toString()) > 0) {
      throw refused("an " + analysis.kind() + " that reads further tables or subqueries",
          "write it against its own table only, or run it per shard with a /* xcluster:cluster="
              + cluster.shardServer(0) + " */ hint");
    }
    Expression where = statement instanceof Update update ? update.getWhere() : ((Delete) statement).getWhere();
    Optional<ShardPick.Move> move = statement instanceof Update update ? move(update, table, where)
        : Optional.empty();
    return new Plan.PassThrough(cluster.name(), sql, analysis.kind(), analysis.tables(), Plan.Reason.SHARD_KEY,
        pick(where, table), move);
  }

  /**
   * An UPDATE that sets the shard key to a literal or a parameter runs on that value's shard, once a probe
   * has found no row it changes on another shard (it would move there); any other SET of the key is refused.
   */
  private Optional<ShardPick.Move> move(Update update, Table table, Expression where) {
    String key = keyOf(TableNames.of(table));
    for (UpdateSet set : update.getUpdateSets()) {
      if (set.getColumns().stream().noneMatch(ShardPins.named(key))) {
        continue;
      }
      Optional<ShardPick.Key> newKey = set.getColumns().size() == 1 && set.getValues().size() == 1
          ? ShardPins.key(set.getValues().get(0)) : Optional.empty();
      if (newKey.isEmpty() || countSelects(update.toString()) > 0) {
        throw refused("an UPDATE that sets the shard key " + key + " to '" + set.getValues() + "'",
            "set it to a literal or a ? parameter (rows then stay on its shard), or delete and insert the row");
      }
      String probe = "SELECT 1 FROM " + table + (where == null ? "" : " WHERE " + where) + " LIMIT 1";
      Optional<ValueKind> kind = kindOf(table, key);
      Sharding.KeyType type = kind.isPresent() ? ShardPick.keyType(kind) : ShardPins.keyTypeOf(List.of(newKey.get()));
      return Optional.of(new ShardPick.Move(newKey.get(), type, probe, ShardPins.parameters(where)));
    }
    return Optional.empty();
  }

  /** An INSERT's ON CONFLICT / ON DUPLICATE KEY UPDATE must leave the shard key alone: it could move the row. */
  private void refuseKeyChange(List<UpdateSet> sets, String key) {
    for (UpdateSet set : sets == null ? List.<UpdateSet>of() : sets) {
      if (set.getColumns().stream().anyMatch(ShardPins.named(key))) {
        throw refused("an INSERT whose conflict update sets the shard key " + key + " (it could move the row to"
            + " another shard)", "leave " + key + " out of its DO UPDATE / ON DUPLICATE KEY UPDATE");
      }
    }
  }

  private ShardPick pick(Expression where, Table table) {
    String key = keyOf(TableNames.of(table));
    return ShardPins.of(where, ShardPins.named(key), kindOf(table, key));
  }

  private Optional<ValueKind> kindOf(Table table, String key) {
    if (catalog == ColumnCatalog.NONE) {
      return Optional.empty();
    }
    String name = new Table(table.getSchemaName(), table.getName()).toString();
    return catalog.columns(cluster.name(), name).stream()
        .filter(column -> column.name().toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT)))
        .findFirst().flatMap(CatalogColumn::kind);
  }

  private String keyOf(TableName table) {
    return sharding.keyOf(cluster.name(), table).orElseThrow(() -> refused("table " + table + " without a shard key",
        "name its shard key under sharding.keys of cluster '" + cluster.name() + "'"));
  }

  private Plan.PassThrough pass(String sql, Analysis analysis, ShardPick pick) {
    return new Plan.PassThrough(cluster.name(), sql, analysis.kind(), analysis.tables(), Plan.Reason.SHARD_KEY, pick,
        Optional.empty());
  }

  private XClusterException refused(String what, String fix) {
    return new XClusterException(SqlState.FEATURE_NOT_SUPPORTED, what + " on sharded cluster '" + cluster.name()
        + "' is not supported. Fix: " + fix);
  }
}
