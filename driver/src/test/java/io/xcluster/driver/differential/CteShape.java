package io.xcluster.driver.differential;

import io.xcluster.testing.FixtureData;
import io.xcluster.testing.FixtureTable;
import io.xcluster.testing.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * {@code WITH x AS (<body>) SELECT <outputs> FROM x [[LEFT] JOIN <table> ON <foreign key>] [WHERE
 * ...] ORDER BY ... [LIMIT ...]}: the {@link DerivedTableShape} query with its derived table
 * moved into a common table expression. The body is a cross-cluster {@link JoinTree} (the extra
 * table then optional) or one table filtered, then always joined to a table of another cluster.
 * The ORDER BY is always there and total. A quarter of the queries bind their literals as
 * parameters.
 */
final class CteShape implements QueryShape {
  private final Topology topology;
  private final FixtureData data;

  CteShape(Topology topology, FixtureData data) {
    this.topology = topology;
    this.data = data;
  }

  @Override
  public String name() {
    return "cte";
  }

  @Override
  public GeneratedQuery generate(Random random) {
    boolean parameters = random.nextInt(4) == 0;
    PredicateGenerator predicates =
        new PredicateGenerator(random, new LiteralPicker(data, random, parameters));
    boolean oneTable = random.nextInt(100) < 40;
    JoinTree tree =
        oneTable ? oneTable(random) : JoinTree.generate(random, topology, predicates);
    Optional<DerivedFrom.Attachment> attachment = attachment(random, tree, oneTable);
    List<JoinedTable.Column> required =
        attachment.map(DerivedFrom.Attachment::inside).stream().toList();
    DerivedTable derived = DerivedTable.generate(
            random, tree, predicates, required, tree.sentWholeToMysql(topology));
    DerivedTable reference = derived.asCteReference();
    DerivedFrom from =
        attachment.isPresent()
            ? DerivedFrom.joined(random, reference, attachment.get())
            : DerivedFrom.alone(reference);
    List<ColumnReference> outputs = new ArrayList<>();
    SqlFragment sql =
        SqlFragment.of("WITH " + DerivedColumn.QUALIFIER + " AS ")
            .append(derived.body())
            .append(" SELECT " + DerivedTableShape.selectList(random, from, outputs) + " FROM ")
            .append(from.sql());
    Optional<SqlFragment> filter = predicates.where(from.columns());
    if (filter.isPresent()) {
      sql = sql.append(" WHERE ").append(filter.get());
    }
    sql = sql.append(DerivedTableShape.orderBy(random, from.columns(), outputs));
    return new GeneratedQuery(
        name(), sql.sql(), sql.params(), RowOrder.ORDERED, parameters || random.nextInt(10) == 0);
  }

  private static JoinTree oneTable(Random random) {
    FixtureTable table = FixtureTable.values()[random.nextInt(FixtureTable.values().length)];
    return new JoinTree(
        List.of(new JoinedTable(table, JoinedTable.Kind.FROM, SqlFragment.of(""), false)));
  }

  /**
   * For a one-table body, an edge to a table of another cluster, so the query spans clusters; for
   * a join tree, any edge 40% of the time.
   */
  private Optional<DerivedFrom.Attachment> attachment(
      Random random, JoinTree tree, boolean oneTable) {
    List<DerivedFrom.Attachment> attachments = DerivedFrom.attachments(tree);
    if (oneTable) {
      String cluster = topology.clusterOf(tree.tables().get(0).table()).cluster();
      attachments =
          attachments.stream()
              .filter(
                  attachment ->
                      !topology.clusterOf(attachment.extra()).cluster().equals(cluster))
              .toList();
    } else if (random.nextInt(100) >= 40) {
      return Optional.empty();
    }
    return Optional.of(attachments.get(random.nextInt(attachments.size())));
  }
}
