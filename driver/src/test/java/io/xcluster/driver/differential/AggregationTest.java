package io.xcluster.driver.differential;

import org.junit.jupiter.api.Test;

/**
 * GROUP BY, aggregates and HAVING over tables of several clusters, computed in memory after the joins, with
 * PostgreSQL's NULL rules and result types (COUNT int8, SUM of int4 int8, AVG numeric).
 */
@AcrossTopologies
class AggregationTest extends DifferentialCases {
  @Test
  void groupByAColumnOfOneClusterCountsRowsOfTheOther() {
    diff.ordered(
        "SELECT u.name, COUNT(*) AS posts FROM users u JOIN posts p ON p.user_id = u.id"
            + " GROUP BY u.name ORDER BY u.name");
  }

  @Test
  void aggregateWithoutGroupByGivesOneRow() {
    diff.unordered("SELECT COUNT(*) AS n FROM users u JOIN posts p ON p.user_id = u.id");
  }

  @Test
  void aggregatesOverNoRowsFollowSqlNullRules() {
    diff.unordered(
        "SELECT COUNT(*) AS n, COUNT(p.score) AS scored, SUM(p.score) AS total, AVG(p.score) AS mean,"
            + " MIN(p.title) AS first, MAX(u.name) AS last FROM users u JOIN posts p ON p.user_id = u.id"
            + " WHERE u.id < 0");
  }

  @Test
  void groupByOverNoRowsGivesNoRows() {
    diff.check(DiffQuery.unordered(
        "SELECT u.name, COUNT(*) AS n FROM users u JOIN posts p ON p.user_id = u.id WHERE u.id < 0"
            + " GROUP BY u.name").allowingEmpty());
  }

  @Test
  void havingFiltersGroups() {
    diff.ordered(
        "SELECT u.id FROM users u JOIN posts p ON p.user_id = u.id"
            + " GROUP BY u.id HAVING COUNT(p.id) > 2 ORDER BY u.id");
  }

  @Test
  void sumAndAverageOfBothClustersColumns() {
    diff.unordered(
        "SELECT SUM(p.score) AS total, AVG(u.score) AS mean, SUM(p.score + u.score) AS both_sides FROM users u"
            + " JOIN posts p ON p.user_id = u.id");
  }

  @Test
  void averageKeepsPostgresDivisionScaleForLargeAndSmallValues() {
    // numeric division keeps 16 significant digits: 12 decimals near 100,000, 20 near 0.001
    // over three rows, so the quotient does not terminate and every digit shows
    diff.unordered("SELECT AVG(p.score * 100000 + u.id) AS big, AVG(p.score * 0.001 + u.id) AS small,"
        + " AVG(p.score * 100000000000 + u.id) AS huge, AVG(p.score + u.id) AS plain FROM users u"
        + " JOIN posts p ON p.user_id = u.id WHERE p.id IN (1, 2, 3)");
  }

  @Test
  void countDistinct() {
    diff.ordered(
        "SELECT h.name, COUNT(DISTINCT t.name) AS kinds FROM humans h"
            + " JOIN treats t ON t.human_id = h.id GROUP BY h.name ORDER BY h.name");
  }

  @Test
  void groupByNullableKeyPutsNullsInOneGroup() {
    diff.ordered(
        "SELECT d.human_id, COUNT(*) AS dogs, MIN(d.name) AS first FROM dogs d LEFT JOIN humans h"
            + " ON h.id = d.human_id GROUP BY d.human_id ORDER BY d.human_id NULLS FIRST");
  }

  @Test
  void groupByOverALeftJoinCountsTheUnmatchedRowsOnce() {
    diff.ordered(
        "SELECT h.name, COUNT(d.id) AS dogs, MIN(d.name) AS first, COUNT(*) AS n FROM humans h"
            + " LEFT JOIN dogs d ON d.human_id = h.id GROUP BY h.name ORDER BY h.name");
  }

  /** Unmatched right rows come after matched ones: none may keep a matched row's left columns. */
  @Test
  void groupByOverARightJoinGroupsUnmatchedRowsUnderNull() {
    diff.ordered(
        "SELECT h.name, COUNT(*) AS dogs, MAX(d.name) AS last, MAX(h.id) AS human FROM humans h"
            + " RIGHT JOIN dogs d ON h.id = d.human_id GROUP BY h.name ORDER BY h.name NULLS FIRST");
  }

  /** Both sides' unmatched rows reach their groups, each once, with the other side's columns NULL. */
  @Test
  void groupByOverAFullJoinCountsTheUnmatchedRowsOfBothSides() {
    diff.ordered(
        "SELECT h.name, COUNT(d.id) AS dogs, COUNT(h.id) AS humans, COUNT(*) AS n, MAX(d.name) AS last"
            + " FROM humans h FULL JOIN dogs d ON d.human_id = h.id GROUP BY h.name ORDER BY h.name NULLS FIRST");
  }

  /** A condition beyond the keys decides per pair; a left row failing it for every match stays unmatched. */
  @Test
  void groupByOverJoinsWithAConditionAcrossClustersInOn() {
    diff.ordered(
        "SELECT h.name, COUNT(*) AS n, COUNT(d.id) AS dogs FROM humans h"
            + " LEFT JOIN dogs d ON d.human_id = h.id AND d.name > h.name GROUP BY h.name ORDER BY h.name");
    diff.ordered(
        "SELECT u.name, COUNT(*) AS n, SUM(p.score) AS total FROM users u JOIN posts p"
            + " ON p.user_id = u.id AND p.id > u.id * 2 GROUP BY u.name ORDER BY u.name");
  }

  /** Several earlier rows share a key: each of them joins every fetched row of that key. */
  @Test
  void groupByWhereEarlierRowsShareTheirJoinKey() {
    diff.ordered(
        "SELECT p.title, COUNT(*) AS n, MAX(u.name) AS who FROM posts p JOIN users u ON u.id = p.user_id"
            + " GROUP BY p.title ORDER BY p.title");
  }

  /** (Buckets by MOD: '/' on integers differs between PostgreSQL and MySQL, and runs on the cluster.) */
  @Test
  void groupByExpressionAndOrdinalAndAlias() {
    diff.ordered(
        "SELECT p.score - MOD(p.score, 10) AS bucket, COUNT(*) AS n, MAX(u.name) AS who FROM users u"
            + " JOIN posts p ON p.user_id = u.id WHERE p.score IS NOT NULL GROUP BY 1 ORDER BY bucket");
    diff.ordered(
        "SELECT p.score - MOD(p.score, 10) AS bucket, COUNT(*) AS n FROM users u JOIN posts p"
            + " ON p.user_id = u.id WHERE p.score IS NOT NULL GROUP BY bucket ORDER BY n DESC, bucket");
  }

  @Test
  void expressionsOverAggregatesAndOrderByAnAggregateWithLimit() {
    diff.ordered(
        "SELECT u.name, COUNT(*) * 10 AS tens, SUM(p.score) - MIN(p.score) AS spread FROM users u"
            + " JOIN posts p ON p.user_id = u.id GROUP BY u.name ORDER BY COUNT(*) DESC, u.name LIMIT 5");
  }

  @Test
  void threeClustersGroupedByTheMiddleOne() {
    diff.ordered(
        "SELECT h.name, COUNT(d.id) AS dogs, COUNT(t.id) AS treats, SUM(t.calories) AS calories FROM dogs d"
            + " JOIN humans h ON h.id = d.human_id JOIN treats t ON t.human_id = h.id GROUP BY h.name"
            + " ORDER BY h.name");
  }
}
