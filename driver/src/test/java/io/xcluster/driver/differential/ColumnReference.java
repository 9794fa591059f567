package io.xcluster.driver.differential;

import io.xcluster.testing.FixtureColumn;
import io.xcluster.testing.FixtureTable;

/**
 * A column a generated condition or ORDER BY may name: a joined table's column ({@code p.score}) or
 * a derived table's output ({@code x.p_score}). Literals compared with it are drawn from the values
 * of the fixture column behind it.
 */
interface ColumnReference {
  /** The reference as SQL, e.g. {@code p.score}. */
  String sql();

  /** The FROM item the column belongs to, e.g. {@code p} or {@code x}. */
  String qualifier();

  /** The fixture table whose values the column holds. */
  FixtureTable table();

  /** The fixture column whose values (and type) the column holds. */
  FixtureColumn column();

  /** Whether the column may be {@code NULL} in the rows it is read from. */
  boolean maybeNull();
}
