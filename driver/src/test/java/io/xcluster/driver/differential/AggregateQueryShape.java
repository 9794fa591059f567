package io.xcluster.driver.differential;

import io.xcluster.testing.FixtureData;
import io.xcluster.testing.Topology;
import java.util.Optional;
import java.util.Random;

/**
 * {@code SELECT <keys and aggregates> FROM <join tree> [WHERE ...] [GROUP BY ...] [HAVING ...]
 * [ORDER BY ... [LIMIT ...]]} across at least two clusters, the grouping computed by xcluster after
 * the joins; see {@link GroupedSelect}. A quarter of the queries bind their literals as parameters.
 */
final class AggregateQueryShape implements QueryShape {
  private final Topology topology;
  private final FixtureData data;

  AggregateQueryShape(Topology topology, FixtureData data) {
    this.topology = topology;
    this.data = data;
  }

  @Override
  public String name() {
    return "aggregate";
  }

  @Override
  public GeneratedQuery generate(Random random) {
    boolean parameters = random.nextInt(4) == 0;
    LiteralPicker literals = new LiteralPicker(data, random, parameters);
    PredicateGenerator predicates = new PredicateGenerator(random, literals);
    JoinTree tree = JoinTree.generate(random, topology, predicates);
    GroupedSelect select = GroupedSelect.generate(random, tree);
    SqlFragment sql =
        SqlFragment.of("SELECT " + select.selectList() + " FROM ")
            .append(tree.from())
            .append(tree.where(predicates.where(tree)))
            .append(select.groupBy(random))
            .append(select.having(random, tree, literals));
    Optional<String> orderBy = select.orderBy(random, tree);
    if (orderBy.isPresent()) {
      sql = sql.append(orderBy.get());
    }
    return new GeneratedQuery(
        name(),
        sql.sql(),
        sql.params(),
        orderBy.isPresent() ? RowOrder.ORDERED : RowOrder.UNORDERED,
        parameters || random.nextInt(10) == 0);
  }
}
