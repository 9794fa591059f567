package io.xcluster.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Which plans stream their last fetch into the result ({@link CrossClusterPlan#streamsLastFetch}), and how
 * streaming changes that fetch's join strategy: above the threshold, a fetch whose driver would hold the
 * unbound result keeps binding; a {@code tableRows} hint still makes it a hash join.
 */
class StreamedFetchStrategyTest {
  private static final String JOIN = "SELECT s.plan, p.title FROM subscriptions s JOIN posts p"
      + " ON p.subscription_id = s.id WHERE s.user_id = 7 AND p.score > 10";

  private static CrossClusterPlan plan(String sql) {
    return assertInstanceOf(CrossClusterPlan.class,
        CrossClusterPlansTest.planner().plan(sql, CrossClusterPlansTest::columns));
  }

  @Test
  void aJoinWithoutOrderDistinctOrAggregationStreamsItsLastFetch() {
    assertTrue(plan(JOIN).streamsLastFetch());
  }

  @Test
  void orderDistinctAndGroupingReadTheLastFetchWhole() {
    assertFalse(plan(JOIN + " ORDER BY p.title").streamsLastFetch());
    assertFalse(plan(JOIN.replace("SELECT ", "SELECT DISTINCT ")).streamsLastFetch());
    assertFalse(plan("SELECT s.plan, COUNT(*) FROM subscriptions s JOIN posts p ON p.subscription_id = s.id"
        + " WHERE p.score > 10 GROUP BY s.plan").streamsLastFetch());
  }

  @Test
  void aStreamedFetchWithFiltersKeepsBindingAboveTheThreshold() {
    CrossClusterPlan.Fetch posts = plan(JOIN).fetches().get(1);
    assertTrue(posts.bound());
    assertTrue(posts.joinsByHash(20_000, 10_000, false));
    assertFalse(posts.joinsByHash(20_000, 10_000, true));
    assertEquals("bind join; hash join above 10000 keys", posts.strategyRule(10_000, false));
    assertEquals("bind join", posts.strategyRule(10_000, true));
  }
}
