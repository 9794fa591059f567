package io.xcluster.driver.differential;

import io.xcluster.driver.differential.ForeignKeys.ForeignKey;
import io.xcluster.testing.FixtureData;
import io.xcluster.testing.FixtureTable;
import io.xcluster.testing.Topology;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * {@code SELECT <outputs> FROM <derived table> x [[LEFT] JOIN <table> ON <foreign key>] [WHERE ...]
 * [ORDER BY ... [LIMIT ...]]}, or the extra table first with the derived table joined to it; the
 * {@linkplain DerivedTable derived table}'s own join spans clusters. The extra table is attached
 * by a foreign-key edge to one of the derived table's tables, under its usual alias even when the
 * derived table uses that alias inside (a separate scope).
 *
 * <p>The outer ORDER BY ends with every output column, which is total: rows that tie on all of
 * them are identical. A quarter of the queries bind their literals as parameters.
 */
final class DerivedTableShape implements QueryShape {
  private final Topology topology;
  private final FixtureData data;

  DerivedTableShape(Topology topology, FixtureData data) {
    this.topology = topology;
    this.data = data;
  }

  /** How the extra table enters the outer FROM clause. */
  private enum Placement {
    DERIVED_JOIN_TABLE,
    DERIVED_LEFT_JOIN_TABLE,
    TABLE_JOIN_DERIVED,
    TABLE_LEFT_JOIN_DERIVED
  }

  @Override
  public String name() {
    return "derived";
  }

  @Override
  public GeneratedQuery generate(Random random) {
    boolean parameters = random.nextInt(4) == 0;
    PredicateGenerator predicates =
        new PredicateGenerator(random, new LiteralPicker(data, random, parameters));
    JoinTree tree = JoinTree.generate(random, topology, predicates);
    Optional<ForeignKey> edge = random.nextInt(100) < 40 ? Optional.of(edge(random, tree)) : Optional.empty();
    Optional<JoinedTable.Column> joinColumn = edge.map(key -> joinColumn(key, tree));
    DerivedTable derived =
        DerivedTable.generate(random, tree, predicates, joinColumn.stream().toList());
    SqlFragment from = derived.sql();
    List<DerivedColumn> derivedColumns = derived.columns();
    List<ColumnReference> columns = new ArrayList<>(derivedColumns);
    List<Output> star = new ArrayList<>(outputs(derivedColumns));
    if (edge.isPresent()) {
      Placement placement = Placement.values()[random.nextInt(Placement.values().length)];
      ForeignKey key = edge.get();
      FixtureTable extra = key.other(joinColumn.get().table());
      String condition = condition(random, key, extra, derived.outputOf(joinColumn.get()));
      boolean extraNullable = placement == Placement.DERIVED_LEFT_JOIN_TABLE;
      JoinedTable table =
          new JoinedTable(extra, JoinedTable.Kind.FROM, SqlFragment.of(""), extraNullable);
      String named = extra.tableName() + " " + table.alias();
      if (placement == Placement.TABLE_LEFT_JOIN_DERIVED) {
        derivedColumns = derivedColumns.stream().map(DerivedColumn::onNullableSide).toList();
      }
      List<Output> extraOutputs = outputs(table.columns());
      columns = new ArrayList<>(derivedColumns);
      columns.addAll(table.columns());
      star = new ArrayList<>(outputs(derivedColumns));
      switch (placement) {
        case DERIVED_JOIN_TABLE -> from = from.append(" JOIN " + named + " ON " + condition);
        case DERIVED_LEFT_JOIN_TABLE -> from = from.append(" LEFT JOIN " + named + " ON " + condition);
        case TABLE_JOIN_DERIVED ->
            from = SqlFragment.of(named + " JOIN ").append(from).append(" ON " + condition);
        case TABLE_LEFT_JOIN_DERIVED ->
            from = SqlFragment.of(named + " LEFT JOIN ").append(from).append(" ON " + condition);
      }
      boolean tableFirst = placement.ordinal() >= Placement.TABLE_JOIN_DERIVED.ordinal();
      star.addAll(tableFirst ? 0 : star.size(), extraOutputs);
    }
    List<Output> selected = new ArrayList<>();
    String selectList = selectList(random, columns, derivedColumns, star, selected);
    SqlFragment sql =
        SqlFragment.of("SELECT " + selectList + " FROM ")
            .append(from)
            .append(predicates.where(columns).map(where -> SqlFragment.of(" WHERE ").append(where)).orElse(SqlFragment.of("")));
    boolean ordered = random.nextBoolean();
    if (ordered) {
      sql = sql.append(orderBy(random, columns, selected));
    }
    return new GeneratedQuery(
        name(),
        sql.sql(),
        sql.params(),
        ordered ? RowOrder.ORDERED : RowOrder.UNORDERED,
        parameters || random.nextInt(10) == 0);
  }

  /** One output column of the outer query: how ORDER BY may name it, and its nullability. */
  private record Output(String sql, boolean maybeNull) {}

  private static List<Output> outputs(List<? extends ColumnReference> columns) {
    return columns.stream().map(column -> new Output(column.sql(), column.maybeNull())).toList();
  }

  /** An edge from one of the tree's tables to any table, the tree's own included. */
  private static ForeignKey edge(Random random, JoinTree tree) {
    List<FixtureTable> tables = tree.tables().stream().map(JoinedTable::table).toList();
    List<ForeignKey> edges =
        ForeignKeys.ALL.stream()
            .filter(key -> tables.contains(key.parent()) || tables.contains(key.child()))
            .toList();
    return edges.get(random.nextInt(edges.size()));
  }

  /** The tree's column the edge meets: its {@code id} or its foreign key. */
  private static JoinedTable.Column joinColumn(ForeignKey edge, JoinTree tree) {
    List<JoinedTable.Column> candidates =
        tree.columns().stream()
            .filter(
                column ->
                    (column.table() == edge.parent() && column.column().name().equals("id"))
                        || (column.table() == edge.child()
                            && column.column().name().equals(edge.childColumn())))
            .toList();
    return candidates.get(0);
  }

  private static String condition(
      Random random, ForeignKey edge, FixtureTable extra, DerivedColumn inside) {
    String alias = ForeignKeys.alias(extra);
    boolean extraIsParent = extra == edge.parent() && inside.table() == edge.child()
        && inside.column().name().equals(edge.childColumn());
    String outside = alias + "." + (extraIsParent ? "id" : edge.childColumn());
    return random.nextBoolean() ? outside + " = " + inside.sql() : inside.sql() + " = " + outside;
  }

  /**
   * {@code *}, {@code x.*} (maybe with some of the extra table's columns), or 1 to 4 columns;
   * fills {@code selected} with the outputs in order.
   */
  private static String selectList(
      Random random,
      List<ColumnReference> columns,
      List<DerivedColumn> derivedColumns,
      List<Output> star,
      List<Output> selected) {
    int roll = random.nextInt(100);
    if (roll < 10) {
      selected.addAll(star);
      return "*";
    }
    List<String> items = new ArrayList<>();
    if (roll < 25) {
      items.add(DerivedColumn.QUALIFIER + ".*");
      selected.addAll(outputs(derivedColumns));
    }
    List<ColumnReference> shuffled = new ArrayList<>(columns);
    Collections.shuffle(shuffled, random);
    int count = Math.min(shuffled.size(), (items.isEmpty() ? 1 : 0) + random.nextInt(4));
    for (ColumnReference column : shuffled.subList(0, count)) {
      items.add(column.sql());
      selected.add(new Output(column.sql(), column.maybeNull()));
    }
    return String.join(", ", items);
  }

  /** 0 to 2 keys of any column, then every output column by position or name. */
  private static String orderBy(Random random, List<ColumnReference> columns, List<Output> selected) {
    List<String> keys = new ArrayList<>();
    int leading = random.nextInt(3);
    for (int index = 0; index < leading; index++) {
      ColumnReference column = columns.get(random.nextInt(columns.size()));
      keys.add(OrderByClause.key(random, column.sql(), column.maybeNull()));
    }
    List<Integer> positions = new ArrayList<>(IntStream.rangeClosed(1, selected.size()).boxed().toList());
    Collections.shuffle(positions, random);
    for (int position : positions) {
      Output output = selected.get(position - 1);
      String name = random.nextBoolean() ? String.valueOf(position) : output.sql();
      keys.add(OrderByClause.key(random, name, output.maybeNull()));
    }
    return " ORDER BY " + String.join(", ", keys) + OrderByClause.limit(random).orElse("");
  }
}
