package io.xcluster.driver.differential;

import io.xcluster.driver.differential.ForeignKeys.ForeignKey;
import io.xcluster.testing.FixtureTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The outer FROM clause of a derived-table query: the {@link DerivedTable} alone, or joined to one
 * more table along a foreign-key edge from one of its columns, in any of four placements ({@code x
 * JOIN t}, {@code x LEFT JOIN t}, {@code t JOIN x}, {@code t LEFT JOIN x}). The extra table keeps
 * its usual alias even when the derived table uses the same alias inside: that is another scope.
 *
 * @param derivedColumns the derived table's outputs as the outer query sees them
 * @param tableColumns the extra table's columns; empty without one
 * @param tableFirst whether the extra table comes first, and so first in {@code SELECT *}
 */
record DerivedFrom(
    SqlFragment sql,
    List<DerivedColumn> derivedColumns,
    List<JoinedTable.Column> tableColumns,
    boolean tableFirst) {
  /**
   * A way to attach one more table: the derived table's {@code inside} column equals {@code
   * extra.extraColumn}.
   */
  record Attachment(JoinedTable.Column inside, FixtureTable extra, String extraColumn) {}

  DerivedFrom {
    derivedColumns = List.copyOf(derivedColumns);
    tableColumns = List.copyOf(tableColumns);
  }

  /** Every foreign-key edge between a column of {@code tree} and another table (or a copy). */
  static List<Attachment> attachments(JoinTree tree) {
    List<Attachment> attachments = new ArrayList<>();
    for (JoinedTable.Column column : tree.columns()) {
      for (ForeignKey key : ForeignKeys.ALL) {
        String name = column.column().name();
        if (column.table() == key.parent() && name.equals("id")) {
          attachments.add(new Attachment(column, key.child(), key.childColumn()));
        } else if (column.table() == key.child() && name.equals(key.childColumn())) {
          attachments.add(new Attachment(column, key.parent(), "id"));
        }
      }
    }
    return attachments;
  }

  /** The derived table alone. */
  static DerivedFrom alone(DerivedTable derived) {
    return new DerivedFrom(derived.sql(), derived.columns(), List.of(), false);
  }

  /** The derived table and the table of {@code attachment}, in a random placement. */
  static DerivedFrom joined(Random random, DerivedTable derived, Attachment attachment) {
    String alias = ForeignKeys.alias(attachment.extra());
    String named = attachment.extra().tableName() + " " + alias;
    String outside = alias + "." + attachment.extraColumn();
    String inside = derived.outputOf(attachment.inside()).sql();
    String condition =
        " ON " + (random.nextBoolean() ? outside + " = " + inside : inside + " = " + outside);
    boolean left = random.nextBoolean();
    boolean tableFirst = random.nextBoolean();
    String join = left ? " LEFT JOIN " : " JOIN ";
    JoinedTable table =
        new JoinedTable(
            attachment.extra(), JoinedTable.Kind.FROM, SqlFragment.of(""), left && !tableFirst);
    List<DerivedColumn> derivedColumns =
        left && tableFirst
            ? derived.columns().stream().map(DerivedColumn::onNullableSide).toList()
            : derived.columns();
    SqlFragment sql =
        tableFirst
            ? SqlFragment.of(named + join).append(derived.sql()).append(condition)
            : derived.sql().append(join + named + condition);
    return new DerivedFrom(sql, derivedColumns, table.columns(), tableFirst);
  }

  /** Every column the outer query may name, the derived table's first. */
  List<ColumnReference> columns() {
    List<ColumnReference> columns = new ArrayList<>(derivedColumns);
    columns.addAll(tableColumns);
    return columns;
  }

  /** The columns of {@code SELECT *}, in FROM order. */
  List<ColumnReference> star() {
    List<ColumnReference> star = new ArrayList<>(tableFirst ? tableColumns : derivedColumns);
    star.addAll(tableFirst ? derivedColumns : tableColumns);
    return star;
  }
}
