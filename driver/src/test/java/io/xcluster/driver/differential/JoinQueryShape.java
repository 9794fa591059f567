package io.xcluster.driver.differential;

import io.xcluster.testing.FixtureData;
import io.xcluster.testing.Topology;
import java.util.Random;

/**
 * {@code SELECT [DISTINCT] <select list> FROM <join tree> [WHERE ...] [ORDER BY ... [LIMIT ...]]}
 * across at least two clusters; a quarter of the queries bind their literals as parameters.
 */
final class JoinQueryShape implements QueryShape {
  private final Topology topology;
  private final FixtureData data;

  JoinQueryShape(Topology topology, FixtureData data) {
    this.topology = topology;
    this.data = data;
  }

  @Override
  public String name() {
    return "join";
  }

  @Override
  public GeneratedQuery generate(Random random) {
    boolean parameters = random.nextInt(4) == 0;
    PredicateGenerator predicates =
        new PredicateGenerator(random, new LiteralPicker(data, random, parameters));
    JoinTree tree = JoinTree.generate(random, topology, predicates);
    boolean distinct = random.nextInt(100) < 15;
    SelectList select = SelectList.generate(random, tree);
    SqlFragment sql =
        SqlFragment.of("SELECT " + (distinct ? "DISTINCT " : "") + select.render() + " FROM ")
            .append(tree.from())
            .append(tree.where(predicates.where(tree)));
    boolean ordered = random.nextBoolean();
    if (ordered) {
      sql = sql.append(OrderByClause.generate(random, tree, select, distinct));
    }
    return new GeneratedQuery(
        name(),
        sql.sql(),
        sql.params(),
        ordered ? RowOrder.ORDERED : RowOrder.UNORDERED,
        parameters || random.nextInt(10) == 0);
  }
}
