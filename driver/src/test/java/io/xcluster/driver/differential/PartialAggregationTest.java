package io.xcluster.driver.differential;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xcluster.testing.Sql;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Aggregates over a table that is alone in its cluster, grouped by its join keys in that cluster and combined
 * in memory (COUNT as a sum of counts, SUM of sums, MIN/MAX of extremes, AVG as sum of sums over sum of
 * counts), with the results, types and labels of one database.
 */
@AcrossTopologies
class PartialAggregationTest extends DifferentialCases {
  @Test
  void postsPerPlanThroughTwoJoins() {
    diff.ordered(
        "SELECT s.plan, COUNT(*) AS posts FROM users u JOIN subscriptions s ON s.user_id = u.id"
            + " JOIN posts p ON p.subscription_id = s.id WHERE u.id BETWEEN 2 AND 15 GROUP BY s.plan ORDER BY s.plan");
  }

  @Test
  void everyCombinableAggregateWithOwnFiltersAndHaving() {
    diff.ordered(
        "SELECT u.name, COUNT(*), SUM(p.score), MIN(p.score), MAX(p.score), COUNT(p.score), MAX(p.created_at)"
            + " FROM users u JOIN posts p ON p.user_id = u.id AND p.score > 3 WHERE p.id <> 7 AND u.id > 1"
            + " GROUP BY u.name HAVING SUM(p.score) > 10 ORDER BY u.name");
  }

  @Test
  void aggregatesInOrderByAndExpressions() {
    diff.ordered(
        "SELECT u.id, COUNT(*) * 2 AS twice, MAX(p.score) - MIN(p.score) AS spread FROM users u"
            + " JOIN posts p ON p.user_id = u.id GROUP BY u.id ORDER BY COUNT(*) DESC, u.id LIMIT 5");
  }

  @Test
  void extremeOfIntegerArithmeticIsAnIntegerWhereverItWasComputed() {
    // MariaDB computes p.score + 1 as BIGINT; the column is int4, and getObject must say so as getInt does
    diff.ordered(
        "SELECT u.id, MAX(p.score + 1) AS best, MIN(p.score - 1) AS worst FROM users u"
            + " JOIN posts p ON p.user_id = u.id GROUP BY u.id ORDER BY u.id");
  }

  @Test
  void withoutGroupByOverNoRowsCountIsZeroAndSumNull() {
    diff.check(DiffQuery.ordered(
        "SELECT COUNT(*), COUNT(p.score), SUM(p.score), MAX(p.score) FROM users u JOIN posts p ON p.user_id = u.id"
            + " WHERE u.id < 0"));
    diff.ordered("SELECT COUNT(*), SUM(p.score) FROM users u JOIN posts p ON p.user_id = u.id WHERE u.score > 5");
  }

  @Test
  void averageCombinesSumsAndCountsWithTheDatabasesScale() {
    diff.ordered(
        "SELECT s.plan, AVG(p.score), SUM(p.score), COUNT(p.score), AVG(p.score) AS again FROM users u"
            + " JOIN subscriptions s ON s.user_id = u.id JOIN posts p ON p.subscription_id = s.id"
            + " GROUP BY s.plan HAVING AVG(p.score) > 1 ORDER BY s.plan");
    // several partial rows per group (one per user), a quotient that does not terminate
    diff.ordered(
        "SELECT u.score > 2 AS high, AVG(p.score) FROM users u JOIN posts p ON p.user_id = u.id"
            + " WHERE p.id NOT IN (4, 9) GROUP BY u.score > 2 ORDER BY 1");
    diff.ordered("SELECT u.id, AVG(c.post_id) FROM users u JOIN comments c ON c.user_id = u.id"
        + " GROUP BY u.id ORDER BY u.id");
  }

  @Test
  void averageOverNoRowsIsNull() {
    diff.check(DiffQuery.ordered(
        "SELECT AVG(p.score), COUNT(*) FROM users u JOIN posts p ON p.user_id = u.id WHERE u.id < 0"));
  }

  @Test
  void sumOfBigintKeysIsNumeric() {
    diff.ordered(
        "SELECT u.id, SUM(c.post_id), COUNT(*) FROM users u JOIN comments c ON c.user_id = u.id"
            + " GROUP BY u.id ORDER BY u.id");
  }

  @Test
  void parametersOnBothSidesBindInTextOrder() {
    diff.ordered(
        "SELECT u.name, COUNT(*), MAX(p.score) FROM users u JOIN posts p ON p.user_id = u.id"
            + " WHERE u.id > ? AND p.score > ? GROUP BY u.name HAVING COUNT(*) > ? ORDER BY u.name",
        Param.object(1), Param.object(5), Param.object(0));
  }

  @Test
  void theClusterOfTheAggregatedTableShipsOneRowPerKey() throws SQLException {
    try (Connection connection = DriverManager.getConnection(diff.loaded().jdbcUrl());
        Statement statement = connection.createStatement()) {
      List<List<Object>> steps = Sql.rows(statement.executeQuery("EXPLAIN XCLUSTER SELECT s.plan, COUNT(*)"
          + " FROM subscriptions s JOIN posts p ON p.subscription_id = s.id GROUP BY s.plan"));
      String posts = steps.stream().filter(step -> "content".equals(step.get(1))).findFirst().orElseThrow()
          .get(2).toString();
      assertTrue(posts.contains("COUNT(*) AS xc_a1") && posts.contains("GROUP BY p.subscription_id"), steps.toString());
      // the keys filter the rows before grouping, in the grouped query itself: no derived table around it
      int keys = Math.max(posts.indexOf(" IN ("), posts.indexOf(" = ANY("));
      assertTrue(!posts.contains("FROM (SELECT") && keys > 0 && keys < posts.indexOf(" GROUP BY "), steps.toString());
    }
  }

  @Test
  void anAverageShipsItsSumAndCountPerKey() throws SQLException {
    try (Connection connection = DriverManager.getConnection(diff.loaded().jdbcUrl());
        Statement statement = connection.createStatement()) {
      List<List<Object>> steps = Sql.rows(statement.executeQuery("EXPLAIN XCLUSTER SELECT s.plan, AVG(p.score)"
          + " FROM subscriptions s JOIN posts p ON p.subscription_id = s.id GROUP BY s.plan"));
      String posts = steps.stream().filter(step -> "content".equals(step.get(1))).findFirst().orElseThrow()
          .get(2).toString();
      assertTrue(posts.contains("SUM(p.score) AS xc_a1") && posts.contains("COUNT(p.score) AS xc_a2"),
          steps.toString());
    }
  }
}
