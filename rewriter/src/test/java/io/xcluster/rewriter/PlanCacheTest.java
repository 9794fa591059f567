package io.xcluster.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.xcluster.error.XClusterException;
import org.junit.jupiter.api.Test;

class PlanCacheTest {

  @Test
  void aRepeatedStatementReturnsTheSameCachedPlan() {
    Planner planner = TestConfigs.twoClusters().planner();
    Plan first = planner.plan("SELECT * FROM users WHERE id = ?");
    assertSame(first, planner.plan("SELECT * FROM users WHERE id = ?"));
    assertSame(first, planner.plan(new String("SELECT * FROM users WHERE id = ?")));
  }

  @Test
  void differentStatementsHaveTheirOwnPlans() {
    Planner planner = TestConfigs.twoClusters().planner();
    assertNotSame(planner.plan("SELECT * FROM users"), planner.plan("SELECT * FROM posts"));
  }

  @Test
  void failuresAreNotCachedAndFailAgain() {
    Planner planner = TestConfigs.twoClusters().planner();
    String sql = "SELECT * FROM users JOIN posts ON posts.user_id = users.id";
    XClusterException first = assertThrows(XClusterException.class, () -> planner.plan(sql));
    XClusterException second = assertThrows(XClusterException.class, () -> planner.plan(sql));
    assertNotSame(first, second);
    assertEquals(first.getMessage(), second.getMessage());
  }

  @Test
  void aZeroSizedCacheStillPlans() {
    Planner planner = TestConfigs.twoClusters().cacheSize(0).planner();
    assertEquals(planner.plan("SELECT * FROM posts"), planner.plan("SELECT * FROM posts"));
  }
}
