package io.xcluster.driver.differential;

import org.junit.jupiter.api.Test;

/**
 * ORDER BY, LIMIT/OFFSET and FETCH FIRST over cross-cluster joins. Every ORDER BY is total: it ends
 * with unique keys and names NULLS FIRST/LAST on every nullable key, since PostgreSQL puts NULLs
 * last ascending and MariaDB first.
 */
@AcrossTopologies
class OrderingTest extends DifferentialCases {
  private static final String USERS_POSTS =
      "SELECT u.id, u.name, u.score, p.id AS post_id, p.score AS post_score, p.created_at"
          + " FROM users u JOIN posts p ON p.user_id = u.id";

  @Test
  void orderByColumnsMixesAscendingAndDescending() {
    diff.ordered(USERS_POSTS + " ORDER BY u.name ASC, p.created_at DESC, p.id");
  }

  @Test
  void nullableKeyAscendingWithNullsFirst() {
    diff.ordered(USERS_POSTS + " ORDER BY p.score ASC NULLS FIRST, p.id");
  }

  @Test
  void nullableKeyDescendingWithNullsLast() {
    diff.ordered(USERS_POSTS + " ORDER BY p.score DESC NULLS LAST, p.id DESC");
  }

  @Test
  void nullableKeysOfBothClustersWithOppositeNullPlacement() {
    diff.ordered(
        USERS_POSTS + " ORDER BY u.score DESC NULLS FIRST, p.score ASC NULLS LAST, u.id, p.id");
    diff.ordered(
        USERS_POSTS + " ORDER BY u.score ASC NULLS LAST, p.score DESC NULLS FIRST, u.id, p.id");
  }

  @Test
  void orderByAliasOfAnExpression() {
    diff.ordered(
        "SELECT p.id, p.score + 1 AS bumped, u.name FROM users u JOIN posts p ON p.user_id = u.id"
            + " ORDER BY bumped DESC NULLS LAST, p.id");
  }

  @Test
  void orderByOrdinals() {
    diff.ordered(
        "SELECT u.name, p.title, p.id FROM users u JOIN posts p ON p.user_id = u.id"
            + " ORDER BY 1 DESC, 3");
  }

  @Test
  void orderByExpressionOverBothClusters() {
    diff.ordered(USERS_POSTS + " ORDER BY COALESCE(p.score, u.score) ASC NULLS FIRST, p.id");
  }

  @Test
  void orderByColumnsThatAreNotSelected() {
    diff.ordered(
        "SELECT u.name, p.title FROM users u JOIN posts p ON p.user_id = u.id"
            + " ORDER BY p.created_at DESC, u.id, p.id");
  }

  @Test
  void limitCutsTheMergedRows() {
    diff.ordered(USERS_POSTS + " ORDER BY p.created_at DESC, u.id, p.id LIMIT 5");
  }

  @Test
  void limitWithOffsetPagesTheMergedRows() {
    diff.ordered(USERS_POSTS + " ORDER BY u.name, u.id, p.id LIMIT 7 OFFSET 5");
  }

  /** Posts 11, 22 and 33 have no user: a LIMIT pushed to the posts' cluster would lose rows. */
  @Test
  void limitAfterAJoinThatDropsRowsOfTheOrderingSide() {
    diff.ordered(
        "SELECT p.id, u.name FROM posts p JOIN users u ON u.id = p.user_id ORDER BY p.id LIMIT 12");
  }

  @Test
  void limitAfterAJoinThatMultipliesRows() {
    diff.ordered(USERS_POSTS + " ORDER BY u.id, p.id LIMIT 8 OFFSET 3");
  }

  @Test
  void fetchFirstRowsOnlyLimitsLikeLimit() {
    diff.ordered(
        USERS_POSTS + " ORDER BY p.score DESC NULLS LAST, u.id, p.id FETCH FIRST 4 ROWS ONLY");
  }

  @Test
  void offsetRowsFetchNextPagesLikeLimitOffset() {
    diff.ordered(
        USERS_POSTS
            + " ORDER BY u.score ASC NULLS FIRST, u.id, p.id"
            + " OFFSET 3 ROWS FETCH NEXT 4 ROWS ONLY");
  }

  @Test
  void limitOverALeftJoinKeepsTheUnmatchedRowsInOrder() {
    diff.ordered(
        "SELECT h.id, h.name, d.id AS dog_id FROM humans h LEFT JOIN dogs d ON d.human_id = h.id"
            + " ORDER BY d.id ASC NULLS FIRST, h.id LIMIT 6");
  }

  @Test
  void offsetBeyondTheLastRowIsEmpty() {
    diff.check(
        DiffQuery.ordered(USERS_POSTS + " ORDER BY u.id, p.id LIMIT 5 OFFSET 1000")
            .allowingEmpty());
  }

  @Test
  void theLastClusterReturnsOnlyItsTopRows() {
    // bound by subscription ids, posts sort and cut in their own cluster; the plan still sorts and limits
    String posts = "SELECT p.id, p.score, p.title FROM subscriptions s JOIN posts p ON p.subscription_id = s.id"
        + " WHERE s.user_id IN (1, 2, 3, 4)";
    diff.ordered(posts + " ORDER BY p.score DESC NULLS LAST, p.id LIMIT 3");
    diff.ordered(posts + " ORDER BY p.score DESC NULLS FIRST, p.id LIMIT 3");
    diff.ordered(posts + " ORDER BY p.score NULLS FIRST, p.id DESC LIMIT 4 OFFSET 2");
    diff.ordered(posts + " ORDER BY p.created_at DESC, p.id LIMIT ? OFFSET ?", Param.object(2), Param.object(1));
  }

  @Test
  void topRowsAreExactWhenEarlierRowsShareAKey() {
    // each post joins every subscription of its user: a post's rows repeat, and the top ones still come first
    diff.ordered("SELECT p.id, p.score FROM subscriptions s JOIN posts p ON p.user_id = s.user_id"
        + " WHERE s.user_id < 6 ORDER BY p.score DESC NULLS LAST, p.id LIMIT 7");
  }

  @Test
  void theCutShowsInTheQueryTheClusterRan() throws java.sql.SQLException {
    java.util.List<String> sql = new java.util.ArrayList<>();
    try (java.sql.Connection connection = java.sql.DriverManager.getConnection(diff.loaded().jdbcUrl())) {
      connection.unwrap(io.xcluster.driver.jdbc.XClusterConnection.class).addQueryListener(e -> sql.add(e.sql()));
      io.xcluster.testing.Sql.rows(connection.createStatement().executeQuery("SELECT p.id FROM subscriptions s"
          + " JOIN posts p ON p.subscription_id = s.id WHERE s.user_id = 5 ORDER BY p.score DESC, p.id LIMIT 2"));
    }
    org.junit.jupiter.api.Assertions.assertTrue(sql.stream().anyMatch(q -> q.contains("posts")
        && q.endsWith(" LIMIT 2")), sql.toString());
  }
}
