package io.xcluster.driver.differential;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * A random ORDER BY whose order is total, and a LIMIT/OFFSET or FETCH FIRST after it.
 *
 * <p>Without DISTINCT a joined row is identified by the ids of all its tables (each table appears
 * once; an outer join's unmatched side is {@code NULL}), so the clause ends with every table's
 * {@code id}. With DISTINCT, where ORDER BY may only name output columns, it orders by every output
 * column, which is total because the rows are distinct. Every key that may be {@code NULL} carries
 * an explicit NULLS FIRST/LAST, since the engines' defaults differ.
 */
final class OrderByClause {
  private OrderByClause() {}

  /** {@code ORDER BY ...} and maybe a row limit, starting with a space. */
  static String generate(Random random, JoinTree tree, SelectList select, boolean distinct) {
    List<String> keys =
        distinct ? everyOutput(random, select) : keysEndingWithIds(random, tree, select);
    return " ORDER BY " + String.join(", ", keys) + limit(random).orElse("");
  }

  /**
   * As {@link #generate} without DISTINCT, in syntax both PostgreSQL and MySQL read: keys are
   * columns, NULL placement is an {@code IS [NOT] NULL} key in front instead of NULLS FIRST/LAST,
   * and the row limit a LIMIT. For SQL that xcluster sends whole to a MySQL cluster.
   */
  static String generatePortable(Random random, JoinTree tree) {
    List<String> keys = new ArrayList<>();
    List<JoinedTable.Column> columns = tree.columns();
    int leading = random.nextInt(3);
    for (int index = 0; index < leading; index++) {
      JoinedTable.Column column = columns.get(random.nextInt(columns.size()));
      keys.add(portableKey(random, column.sql(), column.maybeNull()));
    }
    for (JoinedTable table : tree.tables()) {
      keys.add(portableKey(random, table.alias() + ".id", table.nullable()));
    }
    return " ORDER BY " + String.join(", ", keys) + portableLimit(random).orElse("");
  }

  /** Half the time {@code LIMIT n [OFFSET m]}, which MySQL reads too (it has no bare OFFSET). */
  private static Optional<String> portableLimit(Random random) {
    if (random.nextBoolean()) {
      return Optional.empty();
    }
    int rows = 1 + random.nextInt(10);
    return Optional.of(
        " LIMIT " + rows + (random.nextBoolean() ? " OFFSET " + random.nextInt(10) : ""));
  }

  private static List<String> everyOutput(Random random, SelectList select) {
    List<Boolean> outputs = select.outputsMaybeNull();
    List<Integer> ordinals =
        new ArrayList<>(IntStream.rangeClosed(1, outputs.size()).boxed().toList());
    Collections.shuffle(ordinals, random);
    return ordinals.stream()
        .map(ordinal -> key(random, String.valueOf(ordinal), outputs.get(ordinal - 1)))
        .toList();
  }

  private static List<String> keysEndingWithIds(Random random, JoinTree tree, SelectList select) {
    List<String> keys = new ArrayList<>();
    int leading = random.nextInt(3);
    List<Boolean> outputs = select.outputsMaybeNull();
    List<JoinedTable.Column> columns = tree.columns();
    for (int index = 0; index < leading; index++) {
      int roll = random.nextInt(3);
      List<SelectList.Item> aliased =
          select.items().stream().filter(item -> item.alias().isPresent()).toList();
      if (roll == 0) {
        int ordinal = 1 + random.nextInt(outputs.size());
        keys.add(key(random, String.valueOf(ordinal), outputs.get(ordinal - 1)));
      } else if (roll == 1 && !aliased.isEmpty()) {
        SelectList.Item item = aliased.get(random.nextInt(aliased.size()));
        keys.add(key(random, item.alias().orElseThrow(), item.outputsMaybeNull().get(0)));
      } else {
        JoinedTable.Column column = columns.get(random.nextInt(columns.size()));
        keys.add(key(random, column.sql(), column.maybeNull()));
      }
    }
    for (JoinedTable table : tree.tables()) {
      keys.add(key(random, table.alias() + ".id", table.nullable()));
    }
    return keys;
  }

  /** {@code expression [ASC|DESC] [NULLS FIRST|LAST]}, NULLS always written when needed. */
  static String key(Random random, String expression, boolean maybeNull) {
    String direction = List.of("", " ASC", " DESC").get(random.nextInt(3));
    boolean nulls = maybeNull || random.nextInt(5) == 0;
    return expression
        + direction
        + (nulls ? (random.nextBoolean() ? " NULLS FIRST" : " NULLS LAST") : "");
  }

  /** {@code [expression IS [NOT] NULL, ]expression [ASC|DESC]}. */
  private static String portableKey(Random random, String expression, boolean maybeNull) {
    String direction = List.of("", " ASC", " DESC").get(random.nextInt(3));
    boolean nulls = maybeNull || random.nextInt(5) == 0;
    String placement = random.nextBoolean() ? " IS NOT NULL, " : " IS NULL, ";
    return (nulls ? expression + placement : "") + expression + direction;
  }

  /** Half the time a LIMIT, LIMIT/OFFSET, OFFSET or FETCH FIRST, starting with a space. */
  static Optional<String> limit(Random random) {
    if (random.nextBoolean()) {
      return Optional.empty();
    }
    int rows = 1 + random.nextInt(10);
    int offset = random.nextInt(10);
    return Optional.of(
        switch (random.nextInt(5)) {
          case 0 -> " LIMIT " + rows;
          case 1 -> " LIMIT " + rows + " OFFSET " + offset;
          case 2 -> " OFFSET " + offset + " ROWS FETCH FIRST " + rows + " ROWS ONLY";
          case 3 -> " FETCH FIRST " + rows + " ROWS ONLY";
          default -> " OFFSET " + offset;
        });
  }
}
