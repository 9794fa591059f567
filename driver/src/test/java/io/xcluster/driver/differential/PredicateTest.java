package io.xcluster.driver.differential;

import org.junit.jupiter.api.Test;

/**
 * WHERE predicates over a cross-cluster join: one cluster's columns, both clusters' columns, and
 * the three-valued logic of NULL.
 */
@AcrossTopologies
class PredicateTest extends DifferentialCases {
  private static final String USERS_POSTS =
      "SELECT u.id, u.score, p.id AS post_id, p.score AS post_score FROM users u"
          + " JOIN posts p ON p.user_id = u.id";

  @Test
  void isNullMatchesOnlyRowsWithoutAScore() {
    diff.unordered(USERS_POSTS + " WHERE p.score IS NULL");
    diff.unordered(USERS_POSTS + " WHERE u.score IS NULL AND p.score IS NOT NULL");
  }

  @Test
  void comparisonWithNullIsNeverTrue() {
    diff.unordered(USERS_POSTS + " WHERE p.score > 5");
    diff.unordered(USERS_POSTS + " WHERE NOT (p.score > 5)");
  }

  @Test
  void comparisonBetweenNullableColumnsOfTwoClusters() {
    diff.unordered(USERS_POSTS + " WHERE p.score * 2 > u.score");
  }

  @Test
  void orAcrossClustersKeepsRowsMatchingEitherSide() {
    diff.unordered(USERS_POSTS + " WHERE u.score > 80 OR p.score < 10");
    diff.unordered(USERS_POSTS + " WHERE u.score IS NULL OR p.score IS NULL");
  }

  @Test
  void inListsFilterEachCluster() {
    diff.unordered(USERS_POSTS + " WHERE u.id IN (5, 13, 17) AND p.score IN (8, 23, 47)");
  }

  @Test
  void notInListIsUnknownForNullScores() {
    diff.unordered(USERS_POSTS + " WHERE p.score NOT IN (23, 47) AND u.id NOT IN (1, 2)");
  }

  @Test
  void likeMatchesTextOfEitherCluster() {
    diff.unordered(
        "SELECT u.name, p.title FROM users u JOIN posts p ON p.user_id = u.id"
            + " WHERE u.name LIKE 'j%' OR p.title LIKE '%caches%'");
    diff.unordered(
        "SELECT u.name, p.title FROM users u JOIN posts p ON p.user_id = u.id"
            + " WHERE u.email NOT LIKE '%1%' AND p.title LIKE '_o%'");
  }

  @Test
  void betweenIncludesBothEnds() {
    diff.unordered(
        USERS_POSTS
            + " WHERE p.score BETWEEN 23 AND 45"
            + " AND u.created_at BETWEEN TIMESTAMP '2024-03-01 00:00:00'"
            + " AND TIMESTAMP '2024-09-30 23:59:59'");
  }

  @Test
  void timestampLiteralsCompareWithBothClustersColumns() {
    diff.unordered(
        "SELECT u.id, p.id AS post_id, p.created_at FROM users u JOIN posts p ON p.user_id = u.id"
            + " WHERE u.created_at >= TIMESTAMP '2024-06-01 00:00:00'"
            + " AND p.created_at < TIMESTAMP '2024-10-01 00:00:00'");
  }

  @Test
  void predicatesOfBothClustersCombineWithAndOrNot() {
    diff.unordered(
        USERS_POSTS
            + " WHERE (u.score > 50 AND p.score < 30)"
            + " OR NOT (u.name LIKE 'j%' OR p.score IS NULL)");
  }
}
