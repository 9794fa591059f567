package io.xcluster.driver.differential;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
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
  void timestampsOfEveryBranchComeBackAsTheColumnsOneClass() {
    // on pg_mysql, Connector/J reads posts' DATETIME as LocalDateTime and pgjdbc users' timestamp as Timestamp
    diff.ordered("SELECT created_at FROM posts UNION ALL SELECT created_at FROM users ORDER BY 1");
    diff.ordered("SELECT created_at FROM users UNION SELECT created_at FROM posts ORDER BY 1");
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

  @Test
  void integerBranchesWidenToTheWidestAndCompareAcrossWidths() {
    diff.ordered("SELECT score FROM users UNION SELECT user_id FROM posts ORDER BY 1 NULLS FIRST");
    diff.ordered("SELECT score FROM posts INTERSECT SELECT id FROM users ORDER BY 1");
    diff.unordered("SELECT calories FROM treats EXCEPT ALL SELECT score FROM users");
  }

  @Test
  void integerAndDecimalBranchesBecomeDecimal() {
    diff.ordered("SELECT score * 1.5 AS s FROM users UNION ALL SELECT calories FROM treats ORDER BY 1 NULLS LAST");
  }

  @Test
  void textAndIntegerBranchesFailAsInTheDatabase() {
    SQLException error = diff.assertSameError("SELECT name FROM users UNION SELECT calories FROM treats");
    assertTrue(error.getMessage().contains("column 1"), error.getMessage());
  }
}
