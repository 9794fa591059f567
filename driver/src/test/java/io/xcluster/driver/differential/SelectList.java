package io.xcluster.driver.differential;

import io.xcluster.testing.ColumnType;
import io.xcluster.testing.FixtureColumn;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A random select list over a {@link JoinTree}: qualified columns, sometimes an arithmetic
 * expression over one table's integer column with an alias ({@code e1}, {@code e2}...), sometimes
 * {@code t.*}, rarely {@code *}. Knows the nullability of every output column, which ORDER BY needs
 * to write explicit NULLS FIRST/LAST.
 */
record SelectList(List<Item> items) {
  /**
   * One item of the list.
   *
   * @param alias the alias an ORDER BY may name, for expressions
   * @param outputsMaybeNull one entry per output column ({@code t.*} has several)
   */
  record Item(String sql, Optional<String> alias, List<Boolean> outputsMaybeNull) {}

  SelectList {
    items = List.copyOf(items);
  }

  static SelectList generate(Random random, JoinTree tree) {
    if (random.nextInt(20) == 0) {
      List<Boolean> all = tree.columns().stream().map(JoinedTable.Column::maybeNull).toList();
      return new SelectList(List.of(new Item("*", Optional.empty(), all)));
    }
    int count = 1 + random.nextInt(4);
    List<Item> items = new ArrayList<>();
    Set<JoinedTable> starred = new HashSet<>();
    for (int index = 0; index < count; index++) {
      JoinedTable table = tree.tables().get(random.nextInt(tree.tables().size()));
      int roll = random.nextInt(100);
      if (roll < 15 && starred.add(table)) {
        List<Boolean> outputs =
            table.columns().stream().map(JoinedTable.Column::maybeNull).toList();
        items.add(new Item(table.alias() + ".*", Optional.empty(), outputs));
      } else if (roll < 30) {
        items.add(expression(random, table, items.size() + 1));
      } else {
        List<JoinedTable.Column> columns = table.columns();
        JoinedTable.Column column = columns.get(random.nextInt(columns.size()));
        items.add(new Item(column.sql(), Optional.empty(), List.of(column.maybeNull())));
      }
    }
    return new SelectList(items);
  }

  /** {@code p.score + 3 AS e2}: integer arithmetic over one table's column. */
  private static Item expression(Random random, JoinedTable table, int position) {
    List<JoinedTable.Column> numeric =
        table.columns().stream().filter(column -> isNumeric(column.column())).toList();
    JoinedTable.Column column = numeric.get(random.nextInt(numeric.size()));
    String op = List.of("+", "-", "*").get(random.nextInt(3));
    String alias = "e" + position;
    String sql = column.sql() + " " + op + " " + (1 + random.nextInt(5)) + " AS " + alias;
    return new Item(sql, Optional.of(alias), List.of(column.maybeNull()));
  }

  private static boolean isNumeric(FixtureColumn column) {
    return column.type() == ColumnType.KEY || column.type() == ColumnType.INT;
  }

  /** Whether each output column may be {@code NULL}, in output order. */
  List<Boolean> outputsMaybeNull() {
    return items.stream().flatMap(item -> item.outputsMaybeNull().stream()).toList();
  }

  String render() {
    return items.stream().map(Item::sql).collect(Collectors.joining(", "));
  }
}
