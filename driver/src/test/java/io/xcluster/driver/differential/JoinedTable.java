package io.xcluster.driver.differential;

import io.xcluster.testing.FixtureColumn;
import io.xcluster.testing.FixtureTable;
import java.util.List;

/**
 * One table of a generated FROM clause and how it is attached to the tables before it.
 *
 * @param condition the join condition: printed after {@code ON}, or moved to WHERE for {@link
 *     Kind#CROSS}; empty text for {@link Kind#FROM}
 * @param nullable whether an outer join may extend the table's columns with {@code NULL}
 */
record JoinedTable(FixtureTable table, Kind kind, SqlFragment condition, boolean nullable) {
  /** How the table enters the FROM clause. */
  enum Kind {
    FROM,
    INNER,
    LEFT,
    /** {@code RIGHT JOIN}: the tables joined before it become nullable ({@link #asNullable}). */
    RIGHT,
    /** {@code FULL JOIN}: both sides nullable; never with a filter in ON. */
    FULL,
    /** {@code CROSS JOIN}, its equality condition in WHERE. */
    CROSS
  }

  /** This table on the NULL-extended side of a later RIGHT or FULL JOIN. */
  JoinedTable asNullable() {
    return new JoinedTable(table, kind, condition, true);
  }

  String alias() {
    return ForeignKeys.alias(table);
  }

  /** The table's columns as references, in table order. */
  List<Column> columns() {
    return table.columns().stream().map(column -> new Column(this, column)).toList();
  }

  /** {@code users u}, {@code LEFT JOIN posts p ON ...}, {@code CROSS JOIN dogs d}. */
  SqlFragment render() {
    String named = table.tableName() + " " + alias();
    return switch (kind) {
      case FROM -> SqlFragment.of(named);
      case INNER -> SqlFragment.of(" JOIN " + named + " ON ").append(condition);
      case LEFT -> SqlFragment.of(" LEFT JOIN " + named + " ON ").append(condition);
      case RIGHT -> SqlFragment.of(" RIGHT JOIN " + named + " ON ").append(condition);
      case FULL -> SqlFragment.of(" FULL JOIN " + named + " ON ").append(condition);
      case CROSS -> SqlFragment.of(" CROSS JOIN " + named);
    };
  }

  /** A qualified column reference of a joined table. */
  record Column(JoinedTable owner, FixtureColumn column) implements ColumnReference {
    /** {@code p.score}. */
    @Override
    public String sql() {
      return qualifier() + "." + column.name();
    }

    @Override
    public String qualifier() {
      return owner.alias();
    }

    @Override
    public FixtureTable table() {
      return owner.table();
    }

    /** Whether the column may be {@code NULL} in the joined rows. */
    @Override
    public boolean maybeNull() {
      return column.nullable() || owner.nullable();
    }
  }
}
