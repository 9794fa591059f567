package io.xcluster.driver.differential;

import io.xcluster.testing.ColumnType;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * One random aggregate call over a {@link JoinTree}'s columns, such as {@code COUNT(*)}, {@code
 * COUNT(DISTINCT p.title)}, {@code SUM(p.score + u.score)} or {@code MIN(u.created_at)}, and the
 * thresholds a HAVING compares it with.
 *
 * <p>SUM and AVG take only integers (the fixture has no floating-point columns, whose AVG would
 * depend on summation order) and integer arithmetic without {@code /}, which rounds differently on
 * PostgreSQL and MySQL; MIN and MAX take any column, text included, because the test databases
 * compare text by bytes.
 *
 * @param sql the call
 * @param source the column whose values HAVING thresholds are drawn from; empty for {@code
 *     COUNT(*)}
 */
record Aggregate(Function function, String sql, Optional<ColumnReference> source) {
  /** The aggregate functions xcluster computes across clusters. */
  enum Function {
    COUNT,
    SUM,
    AVG,
    MIN,
    MAX
  }

  static Aggregate generate(Random random, JoinTree tree) {
    List<JoinedTable.Column> columns = tree.columns();
    JoinedTable.Column any = columns.get(random.nextInt(columns.size()));
    int roll = random.nextInt(100);
    if (roll < 20) {
      return new Aggregate(Function.COUNT, "COUNT(*)", Optional.empty());
    }
    if (roll < 32) {
      return call(Function.COUNT, "", any.sql(), any);
    }
    if (roll < 44) {
      return call(Function.COUNT, "DISTINCT ", any.sql(), any);
    }
    if (roll < 74) {
      Function function = roll < 62 ? Function.SUM : Function.AVG;
      JoinedTable.Column number = numeric(random, columns);
      String distinct = random.nextInt(10) == 0 ? "DISTINCT " : "";
      return call(function, distinct, integerArgument(random, number, columns), number);
    }
    Function function = roll < 87 ? Function.MIN : Function.MAX;
    boolean arithmetic = isNumeric(any) && random.nextInt(5) == 0;
    String argument = arithmetic ? any.sql() + " + " + (1 + random.nextInt(9)) : any.sql();
    return call(function, "", argument, any);
  }

  /** A call with a numeric result, for arithmetic over aggregates. */
  static Aggregate numericCall(Random random, JoinTree tree) {
    for (int attempt = 0; attempt < 4; attempt++) {
      Aggregate call = generate(random, tree);
      if (call.numericResult()) {
        return call;
      }
    }
    return new Aggregate(Function.COUNT, "COUNT(*)", Optional.empty());
  }

  /** {@code MAX(x) - MIN(x)} over a numeric column. */
  static String spread(Random random, JoinTree tree) {
    String column = numeric(random, tree.columns()).sql();
    return "MAX(" + column + ") - MIN(" + column + ")";
  }

  private static Aggregate call(
      Function function, String distinct, String argument, ColumnReference source) {
    return new Aggregate(
        function, function + "(" + distinct + argument + ")", Optional.of(source));
  }

  /** {@code x}, {@code x * 3}, or {@code x + y} with {@code y} often of another table. */
  private static String integerArgument(
      Random random, JoinedTable.Column number, List<JoinedTable.Column> columns) {
    int roll = random.nextInt(10);
    if (roll < 6) {
      return number.sql();
    }
    if (roll < 8) {
      return number.sql() + " * " + (2 + random.nextInt(4));
    }
    JoinedTable.Column other = numeric(random, columns);
    return number.sql() + (random.nextBoolean() ? " + " : " - ") + other.sql();
  }

  private static JoinedTable.Column numeric(Random random, List<JoinedTable.Column> columns) {
    List<JoinedTable.Column> numbers = columns.stream().filter(Aggregate::isNumeric).toList();
    List<JoinedTable.Column> scores =
        numbers.stream().filter(column -> column.column().type() == ColumnType.INT).toList();
    List<JoinedTable.Column> pool = !scores.isEmpty() && random.nextBoolean() ? scores : numbers;
    return pool.get(random.nextInt(pool.size()));
  }

  static boolean isNumeric(ColumnReference column) {
    ColumnType type = column.column().type();
    return type == ColumnType.KEY || type == ColumnType.INT;
  }

  /** Whether the result may be {@code NULL}: all but COUNT, over no rows or only NULLs. */
  boolean maybeNull() {
    return function != Function.COUNT;
  }

  /** Whether the result is a number (so it may take part in arithmetic). */
  boolean numericResult() {
    return function == Function.COUNT || source.map(Aggregate::isNumeric).orElse(true);
  }

  /**
   * A value to compare the result with in HAVING: a small count, a sum's worth of the source's
   * values, or one of the source's values.
   */
  Object threshold(Random random, LiteralPicker literals) {
    if (function == Function.COUNT) {
      return random.nextInt(6);
    }
    ColumnReference column = source.orElseThrow();
    Object value = literals.value(column.table(), column.column());
    if (function != Function.SUM) {
      return value;
    }
    int factor = 1 + random.nextInt(4);
    return value instanceof Long number ? (Object) (number * factor) : (Integer) value * factor;
  }
}
