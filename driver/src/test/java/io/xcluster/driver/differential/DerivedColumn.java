package io.xcluster.driver.differential;

import io.xcluster.testing.FixtureColumn;
import io.xcluster.testing.FixtureTable;
import java.util.Optional;

/**
 * An output column of a generated derived table {@code (SELECT ...) x}: the inner item and the name
 * the outer query reads it by.
 *
 * @param inner the item inside, e.g. {@code p.title} or {@code p.score + 3}
 * @param alias its {@code AS} name; empty when the outer query reads it by its column name
 * @param source the column whose values it holds (before any arithmetic), for literals
 * @param outerJoined whether the outer query joins the derived table on a side that may extend it
 *     with {@code NULL}s
 */
record DerivedColumn(
    String inner, Optional<String> alias, ColumnReference source, boolean outerJoined)
    implements ColumnReference {
  static final String QUALIFIER = "x";

  /** The item as the derived table's select list prints it. */
  String render() {
    return inner + alias.map(name -> " AS " + name).orElse("");
  }

  /** The name the outer query reads: the alias, or the column's own name. */
  String name() {
    return alias.orElse(source.column().name());
  }

  /** This column seen from the outer query with the derived table on a nullable side. */
  DerivedColumn onNullableSide() {
    return new DerivedColumn(inner, alias, source, true);
  }

  @Override
  public String sql() {
    return QUALIFIER + "." + name();
  }

  @Override
  public String qualifier() {
    return QUALIFIER;
  }

  @Override
  public FixtureTable table() {
    return source.table();
  }

  @Override
  public FixtureColumn column() {
    return source.column();
  }

  @Override
  public boolean maybeNull() {
    return outerJoined || source.maybeNull();
  }
}
