package io.xcluster.driver.differential;

import io.xcluster.testing.FixtureData;
import io.xcluster.testing.Topology;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * {@code SELECT <outputs> FROM <derived table> x [[LEFT] JOIN <table> ON <foreign key>] [WHERE ...]
 * [ORDER BY ... [LIMIT ...]]}, the {@linkplain DerivedTable derived table}'s own join spanning
 * clusters and the extra table sometimes first ({@link DerivedFrom}).
 *
 * <p>The outer ORDER BY ends with every output column, by position or name, which is total: rows
 * that tie on all of them are identical. A quarter of the queries bind their literals as
 * parameters.
 */
final class DerivedTableShape implements QueryShape {
  private final Topology topology;
  private final FixtureData data;

  DerivedTableShape(Topology topology, FixtureData data) {
    this.topology = topology;
    this.data = data;
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
    List<DerivedFrom.Attachment> attachments = DerivedFrom.attachments(tree);
    Optional<DerivedFrom.Attachment> attachment =
        random.nextInt(100) < 40
            ? Optional.of(attachments.get(random.nextInt(attachments.size())))
            : Optional.empty();
    List<JoinedTable.Column> required =
        attachment.map(DerivedFrom.Attachment::inside).stream().toList();
    DerivedTable derived = DerivedTable.generate(
            random, tree, predicates, required, tree.sentWholeToMysql(topology));
    DerivedFrom from =
        attachment.isPresent()
            ? DerivedFrom.joined(random, derived, attachment.get())
            : DerivedFrom.alone(derived);
    List<ColumnReference> outputs = new ArrayList<>();
    SqlFragment sql =
        SqlFragment.of("SELECT " + selectList(random, from, outputs) + " FROM ")
            .append(from.sql());
    Optional<SqlFragment> filter = predicates.where(from.columns());
    if (filter.isPresent()) {
      sql = sql.append(" WHERE ").append(filter.get());
    }
    boolean ordered = random.nextBoolean();
    if (ordered) {
      sql = sql.append(orderBy(random, from.columns(), outputs));
    }
    return new GeneratedQuery(
        name(),
        sql.sql(),
        sql.params(),
        ordered ? RowOrder.ORDERED : RowOrder.UNORDERED,
        parameters || random.nextInt(10) == 0);
  }

  /**
   * {@code *}, {@code x.*} and maybe more columns, or 1 to 3 distinct columns; adds the output
   * columns to {@code outputs} in order.
   */
  static String selectList(
      Random random, DerivedFrom from, List<ColumnReference> outputs) {
    int roll = random.nextInt(100);
    if (roll < 10) {
      outputs.addAll(from.star());
      return "*";
    }
    List<String> items = new ArrayList<>();
    if (roll < 25) {
      items.add(DerivedColumn.QUALIFIER + ".*");
      outputs.addAll(from.derivedColumns());
    }
    List<ColumnReference> shuffled = new ArrayList<>(from.columns());
    Collections.shuffle(shuffled, random);
    int count = Math.min(shuffled.size(), (items.isEmpty() ? 1 : 0) + random.nextInt(3));
    for (ColumnReference column : shuffled.subList(0, count)) {
      items.add(column.sql());
      outputs.add(column);
    }
    return String.join(", ", items);
  }

  /** 0 to 2 keys of any column, then every output column by position or name, in random order. */
  static String orderBy(
      Random random, List<ColumnReference> columns, List<ColumnReference> outputs) {
    List<String> keys = new ArrayList<>();
    int leading = random.nextInt(3);
    for (int index = 0; index < leading; index++) {
      ColumnReference column = columns.get(random.nextInt(columns.size()));
      keys.add(OrderByClause.key(random, column.sql(), column.maybeNull()));
    }
    List<Integer> positions = new ArrayList<>();
    for (int position = 1; position <= outputs.size(); position++) {
      positions.add(position);
    }
    Collections.shuffle(positions, random);
    for (int position : positions) {
      ColumnReference output = outputs.get(position - 1);
      String name = random.nextBoolean() ? String.valueOf(position) : output.sql();
      keys.add(OrderByClause.key(random, name, output.maybeNull()));
    }
    return " ORDER BY " + String.join(", ", keys) + OrderByClause.limit(random).orElse("");
  }
}
