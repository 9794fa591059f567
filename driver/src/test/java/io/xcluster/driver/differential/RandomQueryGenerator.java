package io.xcluster.driver.differential;

import io.xcluster.testing.FixtureData;
import io.xcluster.testing.Topology;
import java.util.List;
import java.util.Random;

/**
 * Random cross-cluster SELECTs over the fixture schema, reproducible from a seed and an index:
 * query {@code i} of seed {@code s} is drawn from its own {@link Random}, so it can be regenerated
 * alone ({@code -Dxcluster.random.seed=s -Dxcluster.random.index=i}).
 *
 * <p>Each query comes from a {@link QueryShape} picked by weight: a third plain joins, a sixth each
 * aggregates and derived tables, a sixth subqueries in WHERE, a twelfth each set operations and
 * common table expressions. To add another family, implement a shape and register it in {@link
 * #RandomQueryGenerator} with a weight.
 */
final class RandomQueryGenerator {
  private record Weighted(QueryShape shape, int weight) {}

  private final List<Weighted> shapes;
  private final int totalWeight;

  /** Queries over {@code topology}'s tables with literals drawn from {@code data}. */
  RandomQueryGenerator(Topology topology, FixtureData data) {
    this.shapes =
        List.of(
            new Weighted(new JoinQueryShape(topology, data), 4),
            new Weighted(new AggregateQueryShape(topology, data), 2),
            new Weighted(new DerivedTableShape(topology, data), 2),
            new Weighted(new SubqueryShape(topology, data), 2),
            new Weighted(new SetOperationShape(topology, data), 1),
            new Weighted(new CteShape(topology, data), 1));
    this.totalWeight = shapes.stream().mapToInt(Weighted::weight).sum();
  }

  /** Query number {@code index} of {@code seed}. */
  GeneratedQuery generate(long seed, int index) {
    Random random = new Random(seed ^ (index * 0x9E3779B97F4A7C15L));
    int roll = random.nextInt(totalWeight);
    for (Weighted weighted : shapes) {
      roll -= weighted.weight();
      if (roll < 0) {
        return weighted.shape().generate(random);
      }
    }
    throw new IllegalStateException("weights do not add up");
  }
}
