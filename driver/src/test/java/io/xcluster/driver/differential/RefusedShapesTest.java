package io.xcluster.driver.differential;

import org.junit.jupiter.api.Test;

/**
 * Shapes a decomposed query cannot answer correctly yet, refused with {@code
 * SQLFeatureNotSupportedException} (SQLState {@code 0A000}) whose message names the construct.
 * (Aggregates, which a later issue adds, are in {@link NotYetSupportedTest}.)
 */
@AcrossTopologies
class RefusedShapesTest extends DifferentialCases {
  @Test
  void windowFunctionOverACrossClusterJoinIsRefused() {
    diff.assertRefused(
        "SELECT u.id, p.id AS post_id,"
            + " ROW_NUMBER() OVER (PARTITION BY u.id ORDER BY p.id) AS n"
            + " FROM users u JOIN posts p ON p.user_id = u.id",
        "window");
  }

  @Test
  void windowAggregateOverACrossClusterJoinIsRefused() {
    diff.assertRefused(
        "SELECT u.id, SUM(p.score) OVER (PARTITION BY u.id) AS total"
            + " FROM users u JOIN posts p ON p.user_id = u.id",
        "window");
  }

  @Test
  void existsCorrelatedByANonEqualityCrossingClustersIsRefused() {
    // (EXISTS correlated by equalities runs as a semi-join: see SemiJoinTest.)
    diff.assertRefused(
        "SELECT u.id FROM users u WHERE EXISTS"
            + " (SELECT 1 FROM posts p WHERE p.score > u.score)",
        "subquery");
  }

  @Test
  void existsOverAnAggregateIsRefused() {
    // An aggregate without GROUP BY always yields one row: a semi-join on its keys would drop users without posts.
    diff.assertRefused(
        "SELECT u.id FROM users u WHERE EXISTS (SELECT COUNT(*) FROM posts p WHERE p.user_id = u.id)",
        "subquery");
    diff.assertRefused(
        "SELECT u.id FROM users u WHERE NOT EXISTS (SELECT MAX(p.score) FROM posts p WHERE p.user_id = u.id)",
        "subquery");
  }

  @Test
  void existsWithALimitIsRefused() {
    // FETCH FIRST / OFFSET inside EXISTS limit each outer row's matches, not the keys of all rows together.
    diff.assertRefused(
        "SELECT u.id FROM users u WHERE EXISTS (SELECT 1 FROM posts p WHERE p.user_id = u.id"
            + " FETCH FIRST 1 ROWS ONLY)",
        "subquery");
    diff.assertRefused(
        "SELECT u.id FROM users u WHERE EXISTS (SELECT 1 FROM posts p WHERE p.user_id = u.id OFFSET 1)",
        "subquery");
  }

  @Test
  void anyOrAllOverASubqueryOfAnotherClusterIsRefused() {
    diff.assertRefused("SELECT u.id FROM users u WHERE u.id = ANY (SELECT p.user_id FROM posts p)", "subquery");
    diff.assertRefused("SELECT u.id FROM users u WHERE u.id > ALL (SELECT p.user_id FROM posts p)", "subquery");
  }
}
