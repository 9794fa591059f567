package io.xcluster.driver.differential;

import io.xcluster.testing.FixtureData;
import io.xcluster.testing.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A {@link JoinQueryShape} query whose WHERE also holds one or two top-level {@linkplain
 * SubqueryCondition subquery conjuncts} ({@code IN}, {@code NOT IN}, {@code [NOT] EXISTS},
 * comparison with an aggregate) reading tables of other clusters, at random places among the
 * CROSS JOIN conditions and the (parenthesized) random filter. A quarter of the queries bind their
 * literals as parameters.
 */
final class SubqueryShape implements QueryShape {
  private final Topology topology;
  private final FixtureData data;

  SubqueryShape(Topology topology, FixtureData data) {
    this.topology = topology;
    this.data = data;
  }

  @Override
  public String name() {
    return "subquery";
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
            .append(" WHERE ")
            .append(SqlFragment.join(" AND ", conjuncts(random, tree, predicates)));
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

  private List<SqlFragment> conjuncts(
      Random random, JoinTree tree, PredicateGenerator predicates) {
    List<SqlFragment> conjuncts = new ArrayList<>(tree.crossConditions());
    predicates.where(tree).ifPresent(filter -> conjuncts.add(filter.parenthesized()));
    SubqueryCondition subqueries = new SubqueryCondition(random, topology, predicates);
    int count = random.nextInt(3) == 0 ? 2 : 1;
    for (int index = 0; index < count; index++) {
      conjuncts.add(random.nextInt(conjuncts.size() + 1), subqueries.generate(tree));
    }
    return conjuncts;
  }
}
