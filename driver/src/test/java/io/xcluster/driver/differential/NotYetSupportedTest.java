package io.xcluster.driver.differential;

import org.junit.jupiter.api.Test;

/**
 * GROUP BY and aggregates over tables of several clusters are outside the first cross-cluster
 * SELECT issue, so xcluster refuses them with {@code SQLFeatureNotSupportedException} (SQLState
 * {@code 0A000}) naming the construct. The issue that implements them flips each case here into a
 * differential one ({@code diff.unordered(...)} of the same SQL).
 */
@AcrossTopologies
class NotYetSupportedTest extends DifferentialCases {
  @Test
  void groupByAcrossClustersIsRefused() {
    diff.assertRefused(
        "SELECT u.name, COUNT(*) AS posts FROM users u JOIN posts p ON p.user_id = u.id"
            + " GROUP BY u.name",
        "GROUP BY",
        "aggregate");
  }

  @Test
  void aggregateWithoutGroupByAcrossClustersIsRefused() {
    diff.assertRefused(
        "SELECT COUNT(*) AS n FROM users u JOIN posts p ON p.user_id = u.id",
        "aggregate",
        "COUNT(");
  }

  @Test
  void havingAcrossClustersIsRefused() {
    diff.assertRefused(
        "SELECT u.id FROM users u JOIN posts p ON p.user_id = u.id"
            + " GROUP BY u.id HAVING COUNT(p.id) > 2",
        "GROUP BY",
        "HAVING",
        "aggregate");
  }

  @Test
  void sumAndAverageOfBothClustersColumnsAreRefused() {
    diff.assertRefused(
        "SELECT SUM(p.score) AS total, AVG(u.score) AS mean FROM users u"
            + " JOIN posts p ON p.user_id = u.id",
        "aggregate",
        "SUM(",
        "AVG(");
  }

  @Test
  void countDistinctAcrossClustersIsRefused() {
    diff.assertRefused(
        "SELECT h.name, COUNT(DISTINCT t.name) AS kinds FROM humans h"
            + " JOIN treats t ON t.human_id = h.id GROUP BY h.name",
        "GROUP BY",
        "aggregate",
        "COUNT(");
  }
}
