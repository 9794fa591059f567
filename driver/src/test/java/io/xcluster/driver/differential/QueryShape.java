package io.xcluster.driver.differential;

import java.util.Random;

/**
 * One family of random queries. {@link RandomQueryGenerator} picks a shape by weight for each
 * query: {@link JoinQueryShape}, {@link AggregateQueryShape}, {@link DerivedTableShape}, {@link
 * SubqueryShape}, {@link SetOperationShape}, {@link CteShape}. Further shapes are meant to reuse
 * {@link JoinTree}, {@link PredicateGenerator}, {@link SelectList} and {@link OrderByClause}.
 */
interface QueryShape {
  /** A name for messages, e.g. {@code join}. */
  String name();

  /** One query, drawn entirely from {@code random}. */
  GeneratedQuery generate(Random random);
}
