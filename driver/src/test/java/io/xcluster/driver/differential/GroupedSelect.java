package io.xcluster.driver.differential;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * The grouped part of a random aggregate query: 0 to 2 {@linkplain GroupKey GROUP BY keys}, a
 * select list of (most of) the keys and 1 to 3 aggregates in random order, some aliased ({@code
 * g1}, {@code a2}: names no fixture column has, so that GROUP BY never resolves them to an input
 * column), and the GROUP BY, HAVING and ORDER BY over them.
 *
 * <p>The groups are identified by their keys, so an ORDER BY that ends with every key, however it
 * names them (text, position, alias), is total; without GROUP BY there is a single row.
 *
 * @param items the select list, in output order
 * @param keys the GROUP BY keys, selected or not
 * @param calls the plain aggregate calls of the select list, which HAVING and ORDER BY may repeat
 */
record GroupedSelect(List<Item> items, List<GroupKey> keys, List<Aggregate> calls) {
  /**
   * One output column.
   *
   * @param key the GROUP BY key it shows, if it is one
   */
  record Item(
      String expression, Optional<String> alias, boolean maybeNull, Optional<GroupKey> key) {
    String render() {
      return expression + alias.map(name -> " AS " + name).orElse("");
    }
  }

  GroupedSelect {
    items = List.copyOf(items);
    keys = List.copyOf(keys);
    calls = List.copyOf(calls);
  }

  static GroupedSelect generate(Random random, JoinTree tree) {
    int roll = random.nextInt(100);
    int keyCount = roll < 25 ? 0 : roll < 70 ? 1 : 2;
    List<GroupKey> keys = new ArrayList<>();
    List<Item> items = new ArrayList<>();
    for (int attempt = 0; attempt < 2 * keyCount && keys.size() < keyCount; attempt++) {
      GroupKey key = GroupKey.generate(random, tree);
      if (keys.stream().noneMatch(known -> known.expression().equals(key.expression()))) {
        keys.add(key);
        if (random.nextInt(100) < 85) {
          boolean aliased = random.nextInt(100) < (key.isColumn() ? 30 : 60);
          Optional<String> alias = aliased ? Optional.of("g" + keys.size()) : Optional.empty();
          items.add(new Item(key.expression(), alias, key.maybeNull(), Optional.of(key)));
        }
      }
    }
    List<Aggregate> calls = new ArrayList<>();
    int aggregates = 1 + random.nextInt(3);
    for (int index = 1; index <= aggregates; index++) {
      items.add(aggregateItem(random, tree, "a" + index, calls));
    }
    Collections.shuffle(items, random);
    return new GroupedSelect(items, keys, calls);
  }

  /** A plain call, or now and then arithmetic over calls such as {@code MAX(x) - MIN(x)}. */
  private static Item aggregateItem(
      Random random, JoinTree tree, String alias, List<Aggregate> calls) {
    Aggregate call = Aggregate.generate(random, tree);
    if (random.nextInt(100) < 15 && call.numericResult()) {
      String composite =
          switch (random.nextInt(3)) {
            case 0 ->
                call.sql()
                    + List.of(" + ", " - ", " * ").get(random.nextInt(3))
                    + (2 + random.nextInt(8));
            case 1 -> Aggregate.spread(random, tree);
            default -> call.sql() + " + " + Aggregate.numericCall(random, tree).sql();
          };
      Optional<String> named = random.nextInt(10) < 7 ? Optional.of(alias) : Optional.empty();
      return new Item(composite, named, true, Optional.empty());
    }
    calls.add(call);
    Optional<String> named = random.nextInt(10) < 6 ? Optional.of(alias) : Optional.empty();
    return new Item(call.sql(), named, call.maybeNull(), Optional.empty());
  }

  String selectList() {
    return items.stream().map(Item::render).collect(Collectors.joining(", "));
  }

  /** {@code GROUP BY} over every key in random order, starting with a space; empty without keys. */
  String groupBy(Random random) {
    if (keys.isEmpty()) {
      return "";
    }
    List<GroupKey> shuffled = new ArrayList<>(keys);
    Collections.shuffle(shuffled, random);
    return " GROUP BY "
        + shuffled.stream()
            .map(key -> key.reference(random, positionOf(key), aliasOf(key)))
            .collect(Collectors.joining(", "));
  }

  /**
   * {@code HAVING} with one or two comparisons of an aggregate (selected or not) with a threshold,
   * starting with a space; empty text for none (most queries).
   */
  SqlFragment having(Random random, JoinTree tree, LiteralPicker literals) {
    if (random.nextInt(100) >= 35) {
      return SqlFragment.of("");
    }
    SqlFragment condition = comparison(random, tree, literals);
    if (random.nextInt(4) == 0) {
      String connective = random.nextBoolean() ? " AND " : " OR ";
      condition =
          condition.parenthesized()
              .append(connective)
              .append(comparison(random, tree, literals).parenthesized());
    }
    return SqlFragment.of(" HAVING ").append(condition);
  }

  private SqlFragment comparison(Random random, JoinTree tree, LiteralPicker literals) {
    Aggregate call =
        !calls.isEmpty() && random.nextBoolean()
            ? calls.get(random.nextInt(calls.size()))
            : Aggregate.generate(random, tree);
    String op = List.of("=", "<>", "<", "<=", ">", ">=").get(random.nextInt(6));
    return SqlFragment.of(call.sql() + " " + op + " ")
        .append(literals.literal(call.threshold(random, literals)));
  }

  /**
   * {@code ORDER BY} that is total over the groups, starting with a space, and maybe a row limit:
   * perhaps an aggregate first, then every key. Without GROUP BY (one row) it sometimes orders by
   * an aggregate, which lets a LIMIT or OFFSET apply. Empty when the rows stay unordered.
   */
  Optional<String> orderBy(Random random, JoinTree tree) {
    boolean grouped = !keys.isEmpty();
    if (random.nextInt(100) >= (grouped ? 70 : 30)) {
      return Optional.empty();
    }
    List<String> order = new ArrayList<>();
    if (!grouped || random.nextInt(100) < 30) {
      order.add(aggregateKey(random, tree));
    }
    List<GroupKey> shuffled = new ArrayList<>(keys);
    Collections.shuffle(shuffled, random);
    for (GroupKey key : shuffled) {
      String reference = key.reference(random, positionOf(key), aliasOf(key));
      order.add(OrderByClause.key(random, reference, key.maybeNull()));
    }
    return Optional.of(
        " ORDER BY " + String.join(", ", order) + OrderByClause.limit(random).orElse(""));
  }

  /** A selected aggregate by position, alias or text, or an aggregate not selected. */
  private String aggregateKey(Random random, JoinTree tree) {
    List<Item> aggregates = items.stream().filter(item -> item.key().isEmpty()).toList();
    Item item = aggregates.get(random.nextInt(aggregates.size()));
    int roll = random.nextInt(4);
    if (roll == 0) {
      return OrderByClause.key(random, String.valueOf(items.indexOf(item) + 1), item.maybeNull());
    }
    if (roll == 1 && item.alias().isPresent()) {
      return OrderByClause.key(random, item.alias().get(), item.maybeNull());
    }
    if (roll == 2) {
      Aggregate other = Aggregate.generate(random, tree);
      return OrderByClause.key(random, other.sql(), other.maybeNull());
    }
    return OrderByClause.key(random, item.expression(), item.maybeNull());
  }

  private Optional<Integer> positionOf(GroupKey key) {
    for (int index = 0; index < items.size(); index++) {
      if (items.get(index).key().equals(Optional.of(key))) {
        return Optional.of(index + 1);
      }
    }
    return Optional.empty();
  }

  private Optional<String> aliasOf(GroupKey key) {
    return items.stream()
        .filter(item -> item.key().equals(Optional.of(key)))
        .findFirst()
        .flatMap(Item::alias);
  }
}
