package io.xcluster.driver.differential;

import org.junit.jupiter.api.Test;

/**
 * IN and correlated EXISTS subqueries reading another cluster, run as semi-joins: each outer row at most
 * once, NULLs never matching.
 */
@AcrossTopologies
class SemiJoinTest extends DifferentialCases {
  @Test
  void inSubqueryOfAnotherClusterKeepsEachOuterRowOnce() {
    diff.ordered("SELECT u.id, u.name FROM users u WHERE u.id IN (SELECT p.user_id FROM posts p) ORDER BY u.id");
  }

  @Test
  void inSubqueryWithFiltersOnBothSides() {
    diff.ordered(
        "SELECT u.id FROM users u WHERE u.score > 2 AND u.id IN (SELECT p.user_id FROM posts p WHERE p.score > 20)"
            + " ORDER BY u.id");
  }

  @Test
  void inSubqueryWhoseValuesIncludeNulls() {
    diff.ordered("SELECT h.id, h.name FROM humans h WHERE h.id IN (SELECT d.human_id FROM dogs d) ORDER BY h.id");
  }

  @Test
  void existsCorrelatedOnEquality() {
    diff.ordered(
        "SELECT u.id FROM users u WHERE EXISTS (SELECT 1 FROM posts p WHERE p.user_id = u.id AND p.score > 10)"
            + " ORDER BY u.id");
  }

  @Test
  void existsCorrelatedOnTwoColumns() {
    diff.ordered(
        "SELECT u.id FROM users u WHERE EXISTS (SELECT 1 FROM comments c"
            + " WHERE c.user_id = u.id AND c.post_id = u.id) ORDER BY u.id");
  }

  @Test
  void semiJoinBesideAJoinAndAnOuterJoin() {
    diff.unordered(
        "SELECT u.name, s.plan FROM users u LEFT JOIN subscriptions s ON s.user_id = u.id"
            + " WHERE u.id IN (SELECT c.user_id FROM comments c)");
  }

  @Test
  void inSubqueryThatItselfSpansClusters() {
    diff.ordered(
        "SELECT h.name FROM humans h WHERE h.id IN (SELECT t.human_id FROM treats t JOIN dogs d"
            + " ON d.human_id = t.human_id) ORDER BY h.name");
  }

  @Test
  void notExistsIsAnAntiJoin() {
    diff.ordered(
        "SELECT u.id FROM users u WHERE NOT EXISTS (SELECT 1 FROM posts p WHERE p.user_id = u.id AND p.score > 10)"
            + " ORDER BY u.id");
  }

  @Test
  void notExistsKeepsOuterRowsWithNullKeys() {
    diff.ordered(
        "SELECT d.id FROM dogs d WHERE NOT EXISTS (SELECT 1 FROM humans h WHERE h.id = d.human_id) ORDER BY d.id");
  }

  @Test
  void notInKeepsNonNullValuesTheSubqueryLacks() {
    diff.ordered(
        "SELECT u.id FROM users u WHERE u.id NOT IN (SELECT p.user_id FROM posts p WHERE p.score > 10) ORDER BY u.id");
  }

  @Test
  void notInIsNeverTrueWhenTheSubqueryYieldsANull() {
    diff.check(DiffQuery.ordered(
        "SELECT h.id FROM humans h WHERE h.id NOT IN (SELECT d.human_id FROM dogs d) ORDER BY h.id").allowingEmpty());
  }

  @Test
  void notInAnEmptySubqueryKeepsEveryRowEvenNullOnes() {
    diff.ordered(
        "SELECT d.id, d.human_id FROM dogs d WHERE d.human_id NOT IN (SELECT h.id FROM humans h WHERE h.id < 0)"
            + " ORDER BY d.id");
  }

  @Test
  void comparisonWithAnAggregateOfAnotherCluster() {
    diff.ordered("SELECT u.id FROM users u WHERE u.score > (SELECT AVG(p.score) FROM posts p) ORDER BY u.id");
    diff.ordered("SELECT h.name FROM humans h WHERE (SELECT MAX(t.calories) FROM treats t) > h.id * 10 ORDER BY h.name");
  }

  @Test
  void aggregateOfNoRowsIsNullSoTheComparisonKeepsNothing() {
    diff.check(DiffQuery.ordered("SELECT u.id FROM users u WHERE u.score > (SELECT MAX(p.score) FROM posts p"
        + " WHERE p.id < 0) ORDER BY u.id").allowingEmpty());
  }

  @Test
  void parametersInsideSubqueriesAndTheOuterQueryBindInTextOrder() {
    diff.ordered(
        "SELECT h.id FROM humans h WHERE h.id > ? AND h.id NOT IN (SELECT d.human_id FROM dogs d"
            + " WHERE d.id NOT IN (?, ?) AND d.human_id IS NOT NULL) AND h.id IN (SELECT t.human_id FROM treats t"
            + " WHERE t.id <> ?) ORDER BY h.id",
        Param.object(1), Param.object(3), Param.object(4), Param.object(2));
  }

  @Test
  void parametersInsideADerivedTable() {
    diff.ordered(
        "SELECT x.id, u.name FROM (SELECT p.id, p.user_id FROM posts p WHERE p.score > ?) x"
            + " JOIN users u ON u.id = x.user_id WHERE u.id <> ? ORDER BY x.id",
        Param.object(10), Param.object(3));
  }

  @Test
  void selectStarShowsNoColumnOfTheRewrittenSubqueries() {
    diff.ordered(
        "SELECT * FROM humans h WHERE h.id IN (SELECT t.human_id FROM treats t)"
            + " AND h.id NOT IN (SELECT d.human_id FROM dogs d WHERE d.human_id IS NOT NULL) ORDER BY h.id");
  }

  @Test
  void notInOverSelectDistinct() {
    diff.ordered(
        "SELECT h.id FROM humans h WHERE h.id NOT IN (SELECT DISTINCT d.human_id FROM dogs d"
            + " WHERE d.id > 2 AND d.human_id IS NOT NULL)"
            + " ORDER BY h.id");
  }

  @Test
  void inSubqueryUnderOr() {
    diff.ordered("SELECT u.id FROM users u WHERE u.score > 40"
        + " OR u.id IN (SELECT p.user_id FROM posts p WHERE p.score > 45) ORDER BY u.id");
  }

  @Test
  void existsAndNotExistsUnderOr() {
    diff.ordered("SELECT u.id FROM users u WHERE u.id = 3"
        + " OR EXISTS (SELECT 1 FROM posts p WHERE p.user_id = u.id AND p.score > 45) ORDER BY u.id");
    diff.ordered("SELECT d.id FROM dogs d WHERE d.id < 3"
        + " OR NOT EXISTS (SELECT 1 FROM humans h WHERE h.id = d.human_id) ORDER BY d.id");
  }

  @Test
  void notInUnderOrKeepsItsNullRule() {
    diff.ordered("SELECT h.id FROM humans h WHERE h.id < 2"
        + " OR h.id NOT IN (SELECT d.human_id FROM dogs d) ORDER BY h.id");
    diff.ordered("SELECT d.id FROM dogs d WHERE d.id = 1"
        + " OR d.human_id NOT IN (SELECT h.id FROM humans h WHERE h.id > 2) ORDER BY d.id");
  }

  @Test
  void negatedInIsThreeValued() {
    // NOT (x IN ...) is NULL, not TRUE, for a NULL x or a subquery holding a NULL
    diff.ordered("SELECT d.id FROM dogs d WHERE NOT (d.human_id IN (SELECT h.id FROM humans h WHERE h.id > 2))"
        + " ORDER BY d.id");
    diff.ordered("SELECT u.id FROM users u WHERE NOT (u.score > 45"
        + " OR u.id IN (SELECT p.user_id FROM posts p WHERE p.score > 30)) ORDER BY u.id");
    diff.check(DiffQuery.ordered("SELECT h.id FROM humans h WHERE NOT (h.id IN (SELECT d.human_id FROM dogs d))"
        + " ORDER BY h.id").allowingEmpty());
  }

  @Test
  void negatedNotInAndNegatedExists() {
    diff.ordered("SELECT h.id FROM humans h WHERE NOT (h.id NOT IN (SELECT d.human_id FROM dogs d)) ORDER BY h.id");
    diff.ordered("SELECT u.id FROM users u WHERE NOT (u.id < 5"
        + " OR NOT EXISTS (SELECT 1 FROM posts p WHERE p.user_id = u.id)) ORDER BY u.id");
  }

  @Test
  void severalSubqueriesUnderOneOrWithParameters() {
    diff.ordered("SELECT h.id FROM humans h WHERE (h.id IN (SELECT t.human_id FROM treats t WHERE t.id > ?)"
        + " OR EXISTS (SELECT 1 FROM dogs d WHERE d.human_id = h.id AND d.id < ?)) AND h.id <> ? ORDER BY h.id",
        Param.object(2), Param.object(4), Param.object(1));
  }
}
