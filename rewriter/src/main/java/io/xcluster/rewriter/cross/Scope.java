package io.xcluster.rewriter.cross;

import io.xcluster.error.SqlState;
import io.xcluster.error.XClusterException;
import java.util.List;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;

/** Resolves column references of a cross-cluster SELECT to the FROM item and column they name. */
final class Scope {
  private final List<Leaf> leaves;

  Scope(List<Leaf> leaves) {
    this.leaves = List.copyOf(leaves);
  }

  List<Leaf> leaves() {
    return leaves;
  }

  /** A resolved column: which FROM item, which of its columns. */
  record ColumnRef(int leaf, int column) {}

  /**
   * @throws XClusterException 42703 when no item has the column, 42702 when an unqualified name is in
   *     several items, as the database itself would answer
   */
  ColumnRef resolve(Column column) {
    Identifier name = Identifier.of(column.getColumnName());
    Table qualifier = column.getTable();
    if (qualifier != null && qualifier.getName() != null) {
      Identifier table = Identifier.of(qualifier.getName());
      for (Leaf leaf : leaves) {
        if (leaf.answersTo(table.text(), table.quoted())) {
          return inLeaf(leaf, name, column);
        }
      }
      throw new XClusterException(SqlState.UNDEFINED_COLUMN, "missing FROM-clause entry for '"
          + qualifier.getName() + "' in " + column + ". Fix: qualify columns with a table or alias of the FROM clause");
    }
    ColumnRef found = null;
    for (Leaf leaf : leaves) {
      int index = leaf.columnIndex(name.text(), name.quoted());
      if (index >= 0) {
        if (found != null) {
          throw new XClusterException(SqlState.AMBIGUOUS_COLUMN, "column reference '" + column
              + "' is ambiguous: both " + leaves.get(found.leaf()).describe() + " and " + leaf.describe()
              + " have it. Fix: qualify it with a table alias");
        }
        found = new ColumnRef(leaf.position(), index);
      }
    }
    if (found == null) {
      throw undefined(column);
    }
    return found;
  }

  /** Like {@link #resolve} but answers null instead of failing when no FROM item has an unqualified name. */
  ColumnRef resolveOrNull(Column column) {
    try {
      return resolve(column);
    } catch (XClusterException missing) {
      if (missing.state() == SqlState.UNDEFINED_COLUMN && column.getTable() == null) {
        return null;
      }
      throw missing;
    }
  }

  private static ColumnRef inLeaf(Leaf leaf, Identifier name, Column column) {
    int index = leaf.columnIndex(name.text(), name.quoted());
    if (index < 0) {
      throw undefined(column);
    }
    return new ColumnRef(leaf.position(), index);
  }

  private static XClusterException undefined(Column column) {
    return new XClusterException(SqlState.UNDEFINED_COLUMN, "column '" + column
        + "' does not exist in any table of the FROM clause. Fix: check the column name");
  }
}
