/**
 * Differential tests: the same SELECT through xcluster over split clusters and directly on one
 * colocated PostgreSQL database holding every table with the same data must return the same
 * columns (labels ignoring case; JDBC types exactly on pg_pg, by family on pg_mysql) and rows.
 *
 * <ul>
 *   <li>Harness: {@link io.xcluster.driver.differential.Differential} runs a {@link
 *       io.xcluster.driver.differential.DiffQuery} on both sides; {@link
 *       io.xcluster.driver.differential.ResultComparison} describes the differences; {@link
 *       io.xcluster.driver.differential.HarnessSelfTest} proves it fails when it should.
 *   <li>Dedicated cases: the classes annotated {@link
 *       io.xcluster.driver.differential.AcrossTopologies}, run on pg_pg and pg_mysql. Refusals live
 *       in {@code RefusedShapesTest}.
 *   <li>Random queries: {@link io.xcluster.driver.differential.RandomQueryGenerator} (joins,
 *       aggregates, derived tables), checked by {@code RandomQueriesTest}.
 * </ul>
 *
 * <p>Run: {@code mvn -o -pl driver test -Dtest='io.xcluster.driver.differential.**'}. Properties:
 * {@code xcluster.random.seed}, {@code xcluster.random.count}, {@code xcluster.random.index} (rerun
 * one query), {@code xcluster.random.shown} (failures detailed), and {@code
 * xcluster.differential.selfCheck=true} (both sides colocated: validates the cases' SQL and data
 * assumptions without xcluster; only the refusal cases then fail).
 */
package io.xcluster.driver.differential;
