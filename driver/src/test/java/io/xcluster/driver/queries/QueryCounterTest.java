package io.xcluster.driver.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xcluster.driver.QueryCounter;
import io.xcluster.driver.XClusterDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped test helper counts physical queries per cluster, as the Rails testing guide's query asserts do. */
class QueryCounterTest {
  @Test
  void countsTheQueriesOfACrossClusterJoinPerCluster() throws SQLException {
    QueryCounter queries = new QueryCounter();
    try (XClusterDataSource dataSource = new XClusterDataSource(SplitClusters.pgMysql().jdbcUrl())) {
      dataSource.addQueryListener(queries);
      try (Connection connection = dataSource.getConnection()) {
        SplitClusters.query(connection, "SELECT p.title FROM posts p JOIN subscriptions s"
            + " ON s.id = p.subscription_id WHERE s.user_id = 3");
        queries.assertCounts(Map.of("accounts", 1, "content", 1));
        assertEquals(2, queries.total());
        queries.reset();
        SplitClusters.query(connection, "SELECT name FROM users WHERE id = 1");
        queries.assertCounts(Map.of("accounts", 1, "content", 0));
        AssertionError wrong = assertThrows(AssertionError.class, () -> queries.assertCounts(Map.of("content", 1)));
        assertTrue(wrong.getMessage().contains("{accounts=1}") && wrong.getMessage().contains("PASS_THROUGH"),
            wrong.getMessage());
      }
    }
  }

  @Test
  void withNoKeysToBindTheNextClusterIsAskedForItsColumnsOnlyTheFirstTime() throws SQLException {
    QueryCounter queries = new QueryCounter();
    try (XClusterDataSource dataSource = new XClusterDataSource(SplitClusters.pgMysql().jdbcUrl())) {
      dataSource.addQueryListener(queries);
      try (Connection connection = dataSource.getConnection()) {
        String noOwner = "SELECT p.title FROM posts p JOIN subscriptions s ON s.id = p.subscription_id"
            + " WHERE s.user_id = -1";
        SplitClusters.query(connection, noOwner);
        queries.assertCounts(Map.of("accounts", 1, "content", 1));
        queries.reset();
        SplitClusters.query(connection, noOwner);
        queries.assertCounts(Map.of("accounts", 1, "content", 0));
      }
    }
  }
}
