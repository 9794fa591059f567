package io.xcluster.driver.differential;

import org.junit.jupiter.api.Test;

/**
 * UNION / INTERSECT / EXCEPT with branches in different clusters, duplicates and NULLs handled as SQL does,
 * ORDER BY and LIMIT over the whole.
 */
@AcrossTopologies
class SetOperationTest extends DifferentialCases {
  @Test
  void unionRemovesDuplicatesAcrossClusters() {
    diff.ordered("SELECT user_id FROM subscriptions UNION SELECT user_id FROM posts ORDER BY 1");
  }

  @Test
  void unionAllKeepsThem() {
    diff.unordered("SELECT user_id FROM subscriptions UNION ALL SELECT user_id FROM posts");
  }

  @Test
  void intersectAndExceptAcrossClusters() {
    diff.ordered("SELECT user_id FROM subscriptions INTERSECT SELECT user_id FROM comments ORDER BY user_id");
    diff.ordered("SELECT id FROM users EXCEPT SELECT user_id FROM posts ORDER BY id");
  }

  @Test
  void allFormsCountDuplicates() {
    diff.unordered("SELECT user_id FROM posts INTERSECT ALL SELECT user_id FROM subscriptions");
    diff.unordered("SELECT user_id FROM posts EXCEPT ALL SELECT user_id FROM subscriptions");
  }

  @Test
  void nullsAreEqualInSetOperations() {
    diff.unordered("SELECT human_id FROM dogs UNION SELECT human_id FROM treats");
    diff.unordered("SELECT human_id FROM dogs EXCEPT SELECT id FROM humans");
  }

  @Test
  void branchesThatAreThemselvesCrossClusterJoins() {
    diff.ordered(
        "SELECT u.name, p.title FROM users u JOIN posts p ON p.user_id = u.id WHERE p.score > 50"
            + " UNION SELECT h.name, t.name FROM humans h JOIN treats t ON t.human_id = h.id"
            + " ORDER BY 1, 2 LIMIT 7 OFFSET 2");
  }

  @Test
  void parametersInEachBranchAndInTheLimit() {
    diff.ordered(
        "SELECT name FROM users WHERE id > ? UNION SELECT name FROM humans WHERE id < ? ORDER BY name LIMIT ?",
        Param.ofInt(3), Param.ofInt(5), Param.ofInt(4));
  }
}
