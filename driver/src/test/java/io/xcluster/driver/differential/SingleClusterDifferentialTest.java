package io.xcluster.driver.differential;

import org.junit.jupiter.api.Test;

/**
 * Queries whose tables share one cluster, which xcluster passes through verbatim: they already
 * work, so they prove the harness against the real driver. SQL on {@code content} stays valid for
 * MariaDB too (no NULLS FIRST, no double-quoted names), since pg_mysql puts it there.
 */
@AcrossTopologies
class SingleClusterDifferentialTest extends DifferentialCases {
  @Test
  void accountsTableReadsAsInTheColocatedDatabase() {
    diff.ordered("SELECT * FROM users ORDER BY id");
  }

  @Test
  void contentTableReadsAsInTheColocatedDatabase() {
    diff.ordered("SELECT * FROM posts ORDER BY id");
    diff.unordered("SELECT id, post_id, user_id, body FROM comments");
  }

  @Test
  void joinWithinAccountsMatches() {
    diff.unordered(
        "SELECT u.id, u.name, s.id AS subscription_id, s.plan FROM users u"
            + " JOIN subscriptions s ON s.user_id = u.id");
  }

  @Test
  void leftJoinWithinContentKeepsPostsWithoutComments() {
    diff.unordered(
        "SELECT p.id, p.title, c.id AS comment_id FROM posts p"
            + " LEFT JOIN comments c ON c.post_id = p.id");
  }

  @Test
  void nullsOrderingWithinPostgresCluster() {
    diff.ordered("SELECT id, score FROM users ORDER BY score DESC NULLS FIRST, id");
  }

  @Test
  void distinctWithLimitWithinOneCluster() {
    diff.ordered("SELECT DISTINCT plan FROM subscriptions ORDER BY plan LIMIT 2");
    diff.ordered(
        "SELECT id, title FROM posts WHERE score IS NOT NULL ORDER BY score DESC, id"
            + " LIMIT 5 OFFSET 2");
  }

  @Test
  void preparedParametersWithinOneCluster() {
    diff.ordered(
        "SELECT id, title, score FROM posts WHERE user_id = ? AND score > ? ORDER BY id",
        Param.ofInt(5),
        Param.object(10));
    diff.ordered(
        "SELECT id, name FROM users WHERE name LIKE ? OR id IN (?, ?) ORDER BY id",
        Param.ofString("j%"),
        Param.ofLong(1),
        Param.object(2L));
  }
}
