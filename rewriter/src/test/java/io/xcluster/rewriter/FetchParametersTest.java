package io.xcluster.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which fetches' columns may follow the values bound to the statement's parameters: those whose select list,
 * or a derived table in whose FROM, takes a parameter. The driver re-reads their description on every run and
 * remembers the others'.
 */
class FetchParametersTest {
  private static List<Boolean> selectsParameters(String sql) {
    CrossClusterPlan plan = assertInstanceOf(CrossClusterPlan.class,
        CrossClusterPlansTest.planner().plan(sql, CrossClusterPlansTest::columns));
    return plan.fetches().stream().map(CrossClusterPlan.Fetch::selectsParameters).toList();
  }

  @Test
  void parametersThatOnlyFilterLeaveTheColumnsAsTheyAre() {
    assertEquals(List.of(false, false), selectsParameters(
        "SELECT p.title FROM subscriptions s JOIN posts p ON p.subscription_id = s.id WHERE s.user_id = ?"
            + " AND p.score > ? ORDER BY p.score DESC LIMIT 10"));
  }

  @Test
  void aParameterInASelectListOrADerivedTableFeedsTheColumns() {
    assertEquals(List.of(true, false), selectsParameters(
        "SELECT d.tag, p.title FROM (SELECT ? AS tag, id FROM subscriptions) d JOIN posts p ON p.subscription_id = d.id"));
    assertEquals(List.of(false, true), selectsParameters(
        "SELECT s.plan, p.score + ? AS bumped FROM subscriptions s JOIN posts p ON p.subscription_id = s.id"));
  }
}
