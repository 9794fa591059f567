package io.xcluster.driver.differential;

import io.xcluster.testing.FixtureColumn;
import io.xcluster.testing.FixtureTable;

/**
 * A column of a table read under an alias other than its usual one, such as {@code p2.user_id}
 * in a subquery whose outer query may already call {@code posts} {@code p}.
 */
record AliasedColumn(String qualifier, FixtureTable table, FixtureColumn column)
    implements ColumnReference {
  @Override
  public String sql() {
    return qualifier + "." + column.name();
  }

  /** Only the column's own nullability: the table is read alone, never outer-joined. */
  @Override
  public boolean maybeNull() {
    return column.nullable();
  }
}
