package io.xcluster.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.xcluster.error.SqlState;
import io.xcluster.error.XClusterException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParseTimeoutRoutingTest {

  @Test
  void aTimedOutParseFailsEvenWithADefaultCluster() {
    Planner planner = TestConfigs.twoClusters().defaultCluster("content").timeoutMillis(1).planner();
    String values = IntStream.range(0, 200_000).mapToObj(Integer::toString).collect(Collectors.joining(","));
    XClusterException error = assertThrows(XClusterException.class,
        () -> planner.plan("SELECT * FROM users WHERE id IN (" + values + ")"));
    assertEquals(SqlState.SYNTAX_ERROR, error.state());
  }

  @Test
  void tooDeepNestingIsASyntaxErrorWithoutADefaultCluster() {
    Planner planner = TestConfigs.twoClusters().planner();
    String sql = "SELECT " + "(".repeat(5_000) + "1" + ")".repeat(5_000);
    XClusterException error = assertThrows(XClusterException.class, () -> planner.plan(sql));
    assertEquals(SqlState.SYNTAX_ERROR, error.state());
  }
}
