package io.xcluster.testing;

/** One column of a fixture table. */
public record FixtureColumn(String name, ColumnType type, boolean nullable) {
  static FixtureColumn required(String name, ColumnType type) {
    return new FixtureColumn(name, type, false);
  }

  static FixtureColumn nullable(String name, ColumnType type) {
    return new FixtureColumn(name, type, true);
  }

  String definition(Dialect dialect) {
    return name + " " + type.sqlType(dialect) + (nullable ? " NULL" : " NOT NULL");
  }
}
