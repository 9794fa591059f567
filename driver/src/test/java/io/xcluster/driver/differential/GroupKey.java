package io.xcluster.driver.differential;

import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * One GROUP BY key: a column of any type, or integer arithmetic over one table's column such as
 * {@code p.score - MOD(p.score, 10)} (buckets by MOD rather than {@code /}, whose integer rounding
 * differs between PostgreSQL and MySQL, which compute expressions of their own columns).
 *
 * @param expression the key as SQL, as the select list, GROUP BY and ORDER BY may repeat it
 * @param maybeNull whether a group's key may be {@code NULL}
 */
record GroupKey(String expression, boolean maybeNull) {
  static GroupKey generate(Random random, JoinTree tree) {
    JoinedTable table = tree.tables().get(random.nextInt(tree.tables().size()));
    List<JoinedTable.Column> columns = table.columns();
    if (random.nextInt(4) == 0) {
      List<JoinedTable.Column> numbers = columns.stream().filter(Aggregate::isNumeric).toList();
      JoinedTable.Column number = numbers.get(random.nextInt(numbers.size()));
      return new GroupKey(arithmetic(random, number.sql()), number.maybeNull());
    }
    JoinedTable.Column column = columns.get(random.nextInt(columns.size()));
    return new GroupKey(column.sql(), column.maybeNull());
  }

  private static String arithmetic(Random random, String column) {
    int operand = 2 + random.nextInt(9);
    return switch (random.nextInt(3)) {
      case 0 -> column + " - MOD(" + column + ", " + operand + ")";
      case 1 -> column + " + " + operand;
      default -> column + " * " + operand;
    };
  }

  /** Whether the key is a bare column rather than an expression. */
  boolean isColumn() {
    return expression.matches("\\w+\\.\\w+");
  }

  /** How GROUP BY or ORDER BY names it: by {@code position} or {@code alias} if any, or as text. */
  String reference(Random random, Optional<Integer> position, Optional<String> alias) {
    int roll = random.nextInt(4);
    if (roll == 0 && position.isPresent()) {
      return String.valueOf(position.get());
    }
    if (roll == 1 && alias.isPresent()) {
      return alias.get();
    }
    return expression;
  }
}
