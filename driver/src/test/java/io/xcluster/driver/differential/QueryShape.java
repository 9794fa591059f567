package io.xcluster.driver.differential;

import java.util.Random;

/**
 * One family of random queries. {@link RandomQueryGenerator} picks a shape by weight for each
 * query; today there is {@link JoinQueryShape}. Aggregates, subqueries and set operations are meant
 * to arrive as further shapes that reuse {@link JoinTree}, {@link PredicateGenerator}, {@link
 * SelectList} and {@link OrderByClause}.
 */
interface QueryShape {
  /** A name for messages, e.g. {@code join}. */
  String name();

  /** One query, drawn entirely from {@code random}. */
  GeneratedQuery generate(Random random);
}
