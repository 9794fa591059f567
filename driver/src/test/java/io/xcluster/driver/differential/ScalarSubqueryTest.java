package io.xcluster.driver.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.xcluster.testing.Dialect;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * Scalar subqueries reading another cluster, in WHERE (under AND, OR, NOT, CASE...) and in the select list:
 * uncorrelated ones run once, correlated ones (by equalities) bound by the outer keys, a correlated aggregate
 * grouped in its own cluster. More than one row for an outer row is the database's error 21000.
 */
@AcrossTopologies
class ScalarSubqueryTest extends DifferentialCases {
  @Test
  void countPerOuterRowInTheSelectListIsZeroWithoutRows() {
    ResultTable expected = diff.ordered(
        "SELECT u.id, (SELECT COUNT(*) FROM posts p WHERE p.user_id = u.id AND p.score > 30) AS posts FROM users u"
            + " ORDER BY u.id");
    assertEquals(true, expected.rows().stream().anyMatch(row -> "0".equals(String.valueOf(row.get(1)))),
        "some user has no post, so a COUNT of no rows is checked");
  }

  @Test
  void otherAggregatesPerOuterRowAreNullWithoutRows() {
    diff.ordered(
        "SELECT u.id, (SELECT MAX(p.score) FROM posts p WHERE p.user_id = u.id AND p.score > 40),"
            + " (SELECT SUM(c.id) FROM comments c WHERE c.user_id = u.id) AS total FROM users u ORDER BY u.id");
    diff.ordered(
        "SELECT h.id, (SELECT AVG(d.id) FROM dogs d WHERE d.human_id = h.id) FROM humans h ORDER BY h.id");
  }

  @Test
  void correlatedValueOfOneRowPerKey() {
    diff.ordered(
        "SELECT p.id, (SELECT u.name FROM users u WHERE u.id = p.user_id) AS author FROM posts p"
            + " WHERE p.score > 30 ORDER BY p.id");
  }

  @Test
  void correlatedValueWithoutARowIsNull() {
    ResultTable expected = diff.ordered(
        "SELECT d.id, (SELECT h.name FROM humans h WHERE h.id = d.human_id) FROM dogs d ORDER BY d.id");
    assertSomeNull(expected, 2, "a dog without a human");
  }

  @Test
  void correlatedCountInWhere() {
    diff.ordered(
        "SELECT u.id FROM users u WHERE (SELECT COUNT(*) FROM posts p WHERE p.user_id = u.id) >= 2 ORDER BY u.id");
    diff.ordered(
        "SELECT u.id FROM users u WHERE (SELECT COUNT(*) FROM posts p WHERE p.user_id = u.id) = 0 ORDER BY u.id");
  }

  @Test
  void uncorrelatedSubqueryUnderOrAndNot() {
    diff.ordered(
        "SELECT u.id FROM users u WHERE u.score > 40 OR u.score < (SELECT MIN(p.score) + 5 FROM posts p)"
            + " ORDER BY u.id");
    diff.ordered(
        "SELECT u.id FROM users u WHERE NOT (u.score >= (SELECT AVG(p.score) FROM posts p)) ORDER BY u.id");
  }

  @Test
  void uncorrelatedSingleRowSubqueryOfAnyShape() {
    diff.ordered("SELECT u.id FROM users u WHERE u.score > (SELECT p.score FROM posts p WHERE p.id = 1) ORDER BY u.id");
    diff.ordered(
        "SELECT u.id, (SELECT p.title FROM posts p ORDER BY p.score IS NULL, p.score DESC, p.id LIMIT 1) AS top FROM users u"
            + " ORDER BY u.id");
  }

  @Test
  void subqueriesInsideExpressionsOfTheSelectList() {
    diff.ordered(
        "SELECT u.id, COALESCE((SELECT MAX(p.score) FROM posts p WHERE p.user_id = u.id), -1) AS best,"
            + " CASE WHEN (SELECT COUNT(*) FROM comments c WHERE c.user_id = u.id) > 3 THEN 'chatty' ELSE 'quiet' END"
            + " AS kind FROM users u ORDER BY u.id");
  }

  @Test
  void parametersInsideAScalarSubqueryBindInTextOrder() {
    diff.ordered(
        "SELECT u.id, (SELECT COUNT(*) FROM posts p WHERE p.user_id = u.id AND p.score > ?) FROM users u"
            + " WHERE u.id > ? ORDER BY u.id",
        Param.object(30), Param.object(2));
  }

  @Test
  void severalRowsForOneOuterRowFailAsInTheDatabase() throws SQLException {
    assertEquals("21000", diff.assertSameError(
        "SELECT u.id FROM users u WHERE u.score = (SELECT p.score FROM posts p)").getSQLState());
    assertEquals("21000", diff.assertSameError(
        "SELECT u.id, (SELECT p.title FROM posts p WHERE p.user_id = u.id) FROM users u").getSQLState());
    assertEquals("21000", diff.assertSameError(
        "SELECT COUNT(*) FROM users u WHERE u.score < (SELECT p.score FROM posts p WHERE p.user_id = u.id)")
        .getSQLState());
  }

  @Test
  void shapesThatCannotBeJoinedAreRefused() {
    diff.assertRefused(
        "SELECT u.id, (SELECT p.title FROM posts p WHERE p.user_id = u.id ORDER BY p.id LIMIT 1) FROM users u",
        "subquery");
    diff.assertRefused(
        "SELECT u.id, (SELECT MAX(p.score) FROM posts p WHERE p.score > u.score) FROM users u", "subquery");
    diff.assertRefused(
        "SELECT s.plan, (SELECT COUNT(*) FROM posts p WHERE p.user_id = s.user_id) FROM subscriptions s"
            + " GROUP BY s.plan, s.user_id",
        "subquery");
  }

  /**
   * MySQL would group the titles by its collation, which may take 'a' and 'A' for one: refused. A sharded
   * posts table is grouped by xcluster itself (the groups span shards), by exact value: answered.
   */
  @Test
  void aggregateKeyedByTextOnMysqlIsRefused() {
    String sql = "SELECT h.id, (SELECT COUNT(*) FROM posts p WHERE p.title = h.name) FROM humans h";
    var posts = diff.loaded().topology().clusterOf(io.xcluster.testing.FixtureTable.POSTS);
    if (posts.dialect() == Dialect.MYSQL && !posts.sharded()) {
      diff.assertRefused(sql, "keyed by text");
    } else {
      diff.unordered(sql);
    }
  }
}
