package io.xcluster.driver.differential;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/**
 * PreparedStatement parameters whose predicates go to different clusters: each must reach its
 * cluster's query renumbered, in the application's order, whatever setter bound it.
 */
@AcrossTopologies
class ParameterTest extends DifferentialCases {
  private static final String USERS_POSTS =
      "SELECT u.id, u.name, p.id AS post_id, p.score FROM users u JOIN posts p ON p.user_id = u.id";

  @Test
  void parametersFilterBothClustersWithSetObject() {
    diff.unordered(
        USERS_POSTS + " WHERE u.id = ? AND p.score > ?", Param.object(5), Param.object(10));
  }

  @Test
  void typedSettersBindLikeSetObject() {
    diff.unordered(
        USERS_POSTS + " WHERE u.id = ? AND p.score > ?", Param.ofLong(5), Param.ofInt(10));
    diff.unordered(
        USERS_POSTS + " WHERE u.id = ? AND p.score > ?",
        Param.ofInt(5),
        Param.ofBigDecimal(new BigDecimal("10")));
  }

  @Test
  void parametersInterleavedAcrossClustersKeepTheirOrder() {
    diff.unordered(
        USERS_POSTS
            + " WHERE p.score >= ? AND u.name LIKE ? AND p.id BETWEEN ? AND ?"
            + " OR u.id IN (?, ?)",
        Param.ofInt(20),
        Param.ofString("j%"),
        Param.ofLong(5),
        Param.ofLong(35),
        Param.ofLong(3),
        Param.object(17L));
  }

  @Test
  void oneValueBoundForPredicatesOfBothClusters() {
    diff.unordered(
        USERS_POSTS + " WHERE u.score > ? AND p.score > ?", Param.ofInt(30), Param.ofInt(30));
  }

  @Test
  void stringParametersCompareInTheirOwnCluster() {
    diff.unordered(
        "SELECT u.id, p.title FROM users u JOIN posts p ON p.user_id = u.id"
            + " WHERE u.name = ? AND p.title LIKE ?",
        Param.ofString("dave"),
        Param.ofString("%and%"));
  }

  @Test
  void timestampParametersCompareWithBothClustersColumns() {
    LocalDateTime june = LocalDateTime.of(2024, 6, 1, 0, 0);
    LocalDateTime october = LocalDateTime.of(2024, 10, 1, 0, 0);
    diff.unordered(
        USERS_POSTS + " WHERE u.created_at < ? AND p.created_at >= ?",
        Param.ofTimestamp(october),
        Param.object(june));
  }

  @Test
  void parameterInALeftJoinsOnClauseKeepsEveryLeftRow() {
    diff.unordered(
        "SELECT h.id, t.id AS treat_id FROM humans h"
            + " LEFT JOIN treats t ON t.human_id = h.id AND t.calories > ? WHERE h.id <= ?",
        Param.ofInt(150),
        Param.ofLong(6));
  }

  @Test
  void parametersWithOrderByAndLimit() {
    diff.ordered(
        USERS_POSTS + " WHERE p.score > ? ORDER BY p.score DESC, p.id LIMIT 5", Param.ofInt(10));
  }

  @Test
  void preparedStatementWithoutParametersGivesTheSameRows() {
    diff.check(
        DiffQuery.unordered(
                "SELECT d.name, h.name AS owner FROM dogs d JOIN humans h ON h.id = d.human_id")
            .viaPreparedStatement());
  }
}
