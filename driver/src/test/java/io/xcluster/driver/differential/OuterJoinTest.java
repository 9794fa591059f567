package io.xcluster.driver.differential;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Outer joins across clusters: the preserved side is read whole, NULL keys never match, and where a
 * right-side filter stands (ON or WHERE) changes the answer.
 */
@AcrossTopologies
class OuterJoinTest extends DifferentialCases {
  @Test
  void leftJoinKeepsHumansWithoutDogs() {
    ResultTable expected =
        diff.unordered(
            "SELECT h.id, h.name, d.id AS dog_id, d.name AS dog FROM humans h"
                + " LEFT JOIN dogs d ON d.human_id = h.id");
    assertSomeNull(expected, 3, "humans without dogs");
  }

  @Test
  void leftJoinKeepsDogsWithoutAHumanOrWithAMissingOne() {
    ResultTable expected =
        diff.unordered(
            "SELECT d.id, d.name, d.human_id, h.name AS human FROM dogs d"
                + " LEFT JOIN humans h ON h.id = d.human_id");
    assertSomeNull(expected, 3, "dogs with a NULL human_id");
    assertTrue(
        expected.rows().stream().anyMatch(row -> row.get(2) != null && row.get(3) == null),
        "the fixture data should contain dogs of a missing human");
  }

  @Test
  void rightJoinKeepsHumansWithoutDogs() {
    ResultTable expected =
        diff.unordered(
            "SELECT d.id AS dog_id, d.name AS dog, h.id, h.name FROM dogs d"
                + " RIGHT JOIN humans h ON h.id = d.human_id");
    assertSomeNull(expected, 1, "humans without dogs");
  }

  @Test
  void rightJoinKeepsPostsOfMissingUsers() {
    ResultTable expected =
        diff.unordered(
            "SELECT u.id, u.name, p.id AS post_id, p.user_id FROM users u"
                + " RIGHT JOIN posts p ON p.user_id = u.id");
    assertSomeNull(expected, 1, "posts of missing users");
  }

  @Test
  void leftJoinFilterInTheOnClauseKeepsEveryLeftRow() {
    ResultTable expected =
        diff.unordered(
            "SELECT h.id, t.id AS treat_id, t.calories FROM humans h"
                + " LEFT JOIN treats t ON t.human_id = h.id AND t.calories > 150");
    assertSomeNull(expected, 2, "humans with no treat above 150 calories");
    assertSomeNotNull(expected, 2, "treats above 150 calories");
  }

  @Test
  void leftJoinFilterInWhereDropsTheUnmatchedRows() {
    diff.unordered(
        "SELECT h.id, t.id AS treat_id, t.calories FROM humans h"
            + " LEFT JOIN treats t ON t.human_id = h.id WHERE t.calories > 150");
  }

  @Test
  void leftJoinWhereRightIdIsNullKeepsOnlyUnmatchedRows() {
    diff.unordered(
        "SELECT h.id, h.name FROM humans h LEFT JOIN treats t ON t.human_id = h.id"
            + " WHERE t.id IS NULL");
  }

  @Test
  void leftJoinWhereRightNullableColumnIsNullKeepsUnmatchedAndNullValuedRows() {
    ResultTable expected =
        diff.unordered(
            "SELECT h.id, t.id AS treat_id FROM humans h LEFT JOIN treats t ON t.human_id = h.id"
                + " WHERE t.calories IS NULL");
    assertSomeNull(expected, 2, "humans without treats");
    assertSomeNotNull(expected, 2, "treats with NULL calories");
  }

  @Test
  void leftJoinChainKeepsUsersWithoutPostsAndPostsWithoutComments() {
    ResultTable expected =
        diff.unordered(
            "SELECT u.id, p.id AS post_id, c.id AS comment_id FROM users u"
                + " LEFT JOIN posts p ON p.user_id = u.id"
                + " LEFT JOIN comments c ON c.post_id = p.id");
    assertSomeNull(expected, 3, "posts without comments");
  }

  @Test
  void leftJoinOnANullableKeyNeverMatchesNull() {
    diff.unordered(
        "SELECT d.id, h.id AS human_id, t.id AS treat_id FROM dogs d"
            + " LEFT JOIN humans h ON h.id = d.human_id"
            + " LEFT JOIN treats t ON t.human_id = h.id");
  }

  @Test
  void innerJoinAfterALeftJoinFiltersTheExtendedRows() {
    diff.unordered(
        "SELECT h.id, d.id AS dog_id, t.id AS treat_id FROM humans h"
            + " LEFT JOIN dogs d ON d.human_id = h.id JOIN treats t ON t.human_id = h.id");
  }
}
