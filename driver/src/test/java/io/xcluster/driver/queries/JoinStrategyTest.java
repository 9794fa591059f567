package io.xcluster.driver.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xcluster.driver.QueryEvent;
import io.xcluster.testing.LoadedTopology;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The join strategy per fetch: bind join (the keys read so far bound as IN lists) by default; hash join (the
 * fetch runs once with only its own filters, the join happens in memory) when there are more keys than
 * {@code hashJoinThreshold}, the fetch has filters of its own and its rows are read whole or through the
 * driver's cursor (a streamed fetch otherwise keeps binding), or when the YAML's {@code tableRows} says the
 * table holds no more rows than there are keys.
 * Both answer the same; the query listener names each.
 */
class JoinStrategyTest {
  /**
   * users (accounts) read first; posts (content) then joined, filtered on both sides, read whole for the
   * ORDER BY.
   */
  private static final String SQL = "SELECT u.name, p.title FROM users u JOIN posts p ON p.user_id = u.id"
      + " WHERE u.score > 2 AND p.score > 10 ORDER BY p.score DESC, u.score";
  /** The same join streamed into the result: no ORDER BY. */
  private static final String STREAMED = "SELECT u.name, p.title FROM users u JOIN posts p ON p.user_id = u.id"
      + " WHERE u.score > 2 AND p.score > 10";
  /** The same join without a filter of posts' own. */
  private static final String UNFILTERED = "SELECT u.name, p.title FROM users u JOIN posts p ON p.user_id = u.id"
      + " WHERE u.score > 2";

  static java.util.stream.Stream<Named<LoadedTopology>> topologies() throws SQLException {
    return SplitClusters.both();
  }

  /** The statement run with the default strategy and with {@code hashJoinThreshold=2}. */
  private record BothWays(SplitClusters.Run bound, SplitClusters.Run hashed) {}

  /** Runs both ways; each must answer the colocated database's rows, and there must be some. */
  private static BothWays bothWays(LoadedTopology topology, String sql) throws SQLException {
    BothWays runs = new BothWays(SplitClusters.throughXcluster(topology.jdbcUrl(), sql),
        SplitClusters.throughXcluster(topology.jdbcUrl() + "?hashJoinThreshold=2", sql));
    List<List<Object>> expected = SplitClusters.sorted(SplitClusters.colocated(topology, sql));
    assertFalse(expected.isEmpty(), "the case must return some rows: " + sql);
    assertEquals(expected, SplitClusters.sorted(runs.bound().rows()));
    assertEquals(expected, SplitClusters.sorted(runs.hashed().rows()));
    return runs;
  }

  private static List<QueryEvent> contentQueries(SplitClusters.Run run) {
    return run.queries().events().stream().filter(e -> e.cluster().equals("content")).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topologies")
  void manyKeysAndAFilteredSideSwitchToAHashJoinWithTheSameAnswer(LoadedTopology topology) throws SQLException {
    BothWays runs = bothWays(topology, SQL);
    SplitClusters.Run bound = runs.bound();
    SplitClusters.Run hashed = runs.hashed();
    assertTrue(contentQueries(bound).stream().allMatch(e -> e.sql().contains(" IN (") || e.sql().contains(" = ANY(?)")), bound.queries().toString());
    assertEquals(1, contentQueries(hashed).size(), hashed.queries().toString());
    String hashedSql = contentQueries(hashed).get(0).sql();
    assertFalse(hashedSql.contains(" IN (") || hashedSql.contains(" = ANY(?)"), hashed.queries().toString());
  }

  /**
   * Unbound, the fetch's whole filtered result would sit in the cluster's driver (pgjdbc in autocommit, MySQL's
   * driver without {@code useCursorFetch}) while the application reads; bound, one key batch's rows at a time.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("topologies")
  void aStreamedFetchKeepsBindingKeysAboveTheThreshold(LoadedTopology topology) throws SQLException {
    BothWays runs = bothWays(topology, STREAMED);
    for (SplitClusters.Run run : List.of(runs.bound(), runs.hashed())) {
      List<QueryEvent> content = contentQueries(run);
      assertTrue(content.size() > 0 && content.stream().allMatch(e -> e.kind() == QueryEvent.Kind.BIND_JOIN
          && (e.sql().contains(" IN (") || e.sql().contains(" = ANY(?)"))), run.queries().toString());
    }
  }

  /**
   * In a transaction with a fetch size, pgjdbc reads through a cursor: the unbound query's rows then arrive a
   * fetch size at a time, so a streamed fetch on PostgreSQL joins by hash above the threshold, as a fetch read
   * whole does. MySQL's driver still reads whole results (no {@code useCursorFetch}), so there it keeps binding.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("topologies")
  void aStreamedFetchReadThroughAPostgresCursorJoinsByHashAboveTheThreshold(LoadedTopology topology)
      throws SQLException {
    assertStreamedStrategy(topology, topology.jdbcUrl(), false, isPostgres(topology, "content"));
  }

  /**
   * With {@code useCursorFetch=true} on its URL, MySQL's driver reads through a server-side cursor whenever the
   * statement has a fetch size, auto-commit or not; pgjdbc does not in auto-commit, so PostgreSQL keeps binding.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("topologies")
  void aStreamedFetchReadThroughAMysqlCursorJoinsByHashInAutoCommit(LoadedTopology topology) throws Exception {
    String url = topology.jdbcUrlWithServerParameters(io.xcluster.testing.Dialect.MYSQL, "useCursorFetch=true");
    assertStreamedStrategy(topology, url, true, !isPostgres(topology, "content"));
  }

  /**
   * While a streamed hash join is read through a cursor on the transaction's connection, the application runs
   * other statements on the same cluster, as batch jobs do per row: the drivers keep the cursor open beside
   * them, and the result still holds every row.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("topologies")
  void otherStatementsBetweenRowsLeaveACursorReadJoinWhole(LoadedTopology topology) throws Exception {
    String url = topology.jdbcUrlWithServerParameters(io.xcluster.testing.Dialect.MYSQL, "useCursorFetch=true");
    RecordedQueries queries = new RecordedQueries();
    List<List<Object>> rows = new java.util.ArrayList<>();
    long posts = SplitClusters.colocatedNumber(topology, "SELECT COUNT(*) FROM posts");
    try (io.xcluster.driver.XClusterDataSource dataSource =
            new io.xcluster.driver.XClusterDataSource(url + "?hashJoinThreshold=2");
        java.sql.Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      queries.listenTo(connection);
      try (java.sql.Statement streamed = connection.createStatement();
          java.sql.Statement between = connection.createStatement()) {
        streamed.setFetchSize(3);
        try (java.sql.ResultSet results = streamed.executeQuery(STREAMED)) {
          while (results.next()) {
            rows.add(List.of(results.getString(1), results.getString(2)));
            try (java.sql.ResultSet count = between.executeQuery("SELECT COUNT(*) FROM posts")) {
              assertTrue(count.next());
              assertEquals(posts, count.getLong(1));
            }
          }
        }
      }
      connection.commit();
    }
    List<List<Object>> expected = SplitClusters.sorted(SplitClusters.colocated(topology, STREAMED));
    assertEquals(expected.size(), rows.size());
    assertEquals(expected.stream().map(row -> List.of(String.valueOf(row.get(0)), String.valueOf(row.get(1))))
        .sorted(java.util.Comparator.comparing(Object::toString)).toList(),
        rows.stream().sorted(java.util.Comparator.comparing(Object::toString)).toList());
    assertEquals(List.of(QueryEvent.Kind.HASH_JOIN), kinds(queries.on("content").stream()
        .filter(e -> e.kind() != QueryEvent.Kind.PASS_THROUGH).toList()), queries.events().toString());
  }

  private static boolean isPostgres(LoadedTopology topology, String cluster) {
    return topology.topology().cluster(cluster).dialect() == io.xcluster.testing.Dialect.POSTGRESQL;
  }

  /**
   * Runs {@link #STREAMED} through {@code url} with {@code hashJoinThreshold=2} and {@code setFetchSize(3)}, in
   * auto-commit or in a transaction: the colocated rows, and one unbound content query (and EXPLAIN saying so)
   * when {@code hashJoin}, else only bound ones.
   */
  private static void assertStreamedStrategy(LoadedTopology topology, String url, boolean autoCommit,
      boolean hashJoin) throws SQLException {
    RecordedQueries queries = new RecordedQueries();
    List<List<Object>> rows;
    List<String> binds;
    try (io.xcluster.driver.XClusterDataSource dataSource =
            new io.xcluster.driver.XClusterDataSource(url + "?hashJoinThreshold=2");
        java.sql.Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(autoCommit);
      queries.listenTo(connection);
      try (java.sql.Statement statement = connection.createStatement()) {
        statement.setFetchSize(3);
        try (java.sql.ResultSet results = statement.executeQuery(STREAMED)) {
          rows = SplitClusters.normalizedRows(results);
        }
        binds = explainedBinds(statement, STREAMED);
      }
      if (!autoCommit) {
        connection.commit();
      }
    }
    List<List<Object>> expected = SplitClusters.sorted(SplitClusters.colocated(topology, STREAMED));
    assertFalse(expected.isEmpty());
    assertEquals(expected, SplitClusters.sorted(rows));
    List<QueryEvent> content = queries.on("content");
    if (hashJoin) {
      assertEquals(List.of(QueryEvent.Kind.HASH_JOIN), kinds(content), queries.events().toString());
    } else {
      assertTrue(content.size() > 0 && content.stream().allMatch(e -> e.kind() == QueryEvent.Kind.BIND_JOIN),
          queries.events().toString());
    }
    assertEquals(hashJoin, binds.stream().anyMatch(b -> b.contains("hash join above 2 keys")), binds.toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topologies")
  void aPartialAggregationWithItsOwnFiltersBindsBeforeGroupingOrRunsOnceGrouped(LoadedTopology topology)
      throws SQLException {
    String grouped = "SELECT u.name, COUNT(*), SUM(p.score) FROM users u JOIN posts p ON p.user_id = u.id"
        + " WHERE u.score > 2 AND (p.score > 10 OR p.score < 3) GROUP BY u.name";
    BothWays runs = bothWays(topology, grouped);
    SplitClusters.Run bound = runs.bound();
    SplitClusters.Run hashed = runs.hashed();
    for (QueryEvent query : contentQueries(bound)) {
      String sql = query.sql();
      int keys = Math.max(sql.indexOf(" IN ("), sql.indexOf(" = ANY(?)"));
      assertTrue(keys > 0 && keys < sql.indexOf(" GROUP BY ") && !sql.contains("FROM (SELECT"), sql);
    }
    assertEquals(List.of(QueryEvent.Kind.HASH_JOIN), kinds(contentQueries(hashed)), hashed.queries().toString());
    String hashedSql = contentQueries(hashed).get(0).sql();
    assertTrue(hashedSql.contains(" GROUP BY ") && !hashedSql.contains(" IN (") && !hashedSql.contains(" = ANY(?)"),
        hashedSql);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topologies")
  void aSideWithoutFiltersOfItsOwnKeepsBindingKeys(LoadedTopology topology) throws SQLException {
    SplitClusters.Run run = SplitClusters.throughXcluster(topology.jdbcUrl() + "?hashJoinThreshold=2", UNFILTERED);
    assertEquals(SplitClusters.sorted(SplitClusters.colocated(topology, UNFILTERED)), SplitClusters.sorted(run.rows()));
    assertTrue(contentQueries(run).stream().allMatch(e -> e.sql().contains(" IN (") || e.sql().contains(" = ANY(?)")), run.queries().toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topologies")
  void aTableHintedSmallerThanTheKeysIsReadWholeOnce(LoadedTopology topology) throws Exception {
    String small = withPostsRows(topology, 5);
    String large = withPostsRows(topology, 1_000_000);
    SplitClusters.Run hashed = SplitClusters.throughXcluster(small, UNFILTERED);
    SplitClusters.Run bound = SplitClusters.throughXcluster(large, UNFILTERED);
    List<List<Object>> expected = SplitClusters.sorted(SplitClusters.colocated(topology, UNFILTERED));
    assertEquals(expected, SplitClusters.sorted(hashed.rows()));
    assertEquals(expected, SplitClusters.sorted(bound.rows()));
    assertEquals(List.of(QueryEvent.Kind.HASH_JOIN), kinds(contentQueries(hashed)), hashed.queries().toString());
    assertFalse(contentQueries(hashed).get(0).sql().contains(" IN ("), hashed.queries().toString());
    assertTrue(kinds(contentQueries(bound)).stream().allMatch(kind -> kind == QueryEvent.Kind.BIND_JOIN),
        bound.queries().toString());
    assertEquals(List.of(QueryEvent.Kind.FETCH), kinds(bound.queries().events().stream()
        .filter(e -> e.cluster().equals("accounts")).toList()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topologies")
  void explainNamesTheRuleWithTheHint(LoadedTopology topology) throws Exception {
    try (io.xcluster.driver.XClusterDataSource dataSource =
            new io.xcluster.driver.XClusterDataSource(withPostsRows(topology, 5));
        java.sql.Connection connection = dataSource.getConnection();
        java.sql.Statement statement = connection.createStatement()) {
      List<String> binds = explainedBinds(statement, SQL);
      assertTrue(binds.stream().anyMatch(b -> b.contains("bind join; hash join above 10000 keys"
          + " or at 5 keys or more (tableRows 5)")), binds.toString());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topologies")
  void explainOfAStreamedFetchLeavesTheThresholdOut(LoadedTopology topology) throws Exception {
    try (io.xcluster.driver.XClusterDataSource dataSource =
            new io.xcluster.driver.XClusterDataSource(withPostsRows(topology, 5));
        java.sql.Connection connection = dataSource.getConnection();
        java.sql.Statement statement = connection.createStatement()) {
      List<String> binds = explainedBinds(statement, STREAMED);
      assertTrue(binds.stream().anyMatch(b -> b.contains("(bind join; hash join at 5 keys or more (tableRows 5))")),
          binds.toString());
      assertFalse(binds.stream().anyMatch(b -> b.contains("above 10000 keys")), binds.toString());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topologies")
  void aSingleClusterStatementIsReportedAsPassedThrough(LoadedTopology topology) throws SQLException {
    SplitClusters.Run run = SplitClusters.throughXcluster(topology.jdbcUrl(), "SELECT u.name FROM users u");
    assertEquals(List.of(QueryEvent.Kind.PASS_THROUGH), kinds(run.queries().events()));
  }

  /** The {@code binds} column of each step of {@code EXPLAIN XCLUSTER sql}, run on {@code statement}. */
  private static List<String> explainedBinds(java.sql.Statement statement, String sql) throws SQLException {
    List<String> binds = new java.util.ArrayList<>();
    try (java.sql.ResultSet plan = statement.executeQuery("EXPLAIN XCLUSTER " + sql)) {
      while (plan.next()) {
        binds.add(plan.getString("binds"));
      }
    }
    return binds;
  }

  private static List<QueryEvent.Kind> kinds(List<QueryEvent> events) {
    return events.stream().map(QueryEvent::kind).toList();
  }

  /** The topology's configuration with {@code tableRows: {posts: rows}} on the cluster owning posts. */
  private static String withPostsRows(LoadedTopology topology, long rows) throws java.io.IOException {
    StringBuilder yaml = new StringBuilder();
    for (String line : topology.configYaml().split("\n")) {
      yaml.append(line).append('\n');
      if (line.strip().startsWith("tables: [") && line.matches(".*\\bposts\\b.*")) {
        yaml.append("    tableRows: { posts: ").append(rows).append(" }\n");
      }
    }
    java.nio.file.Path file = java.nio.file.Files.createTempFile("xcluster-rows", ".yaml");
    file.toFile().deleteOnExit();
    java.nio.file.Files.writeString(file, yaml);
    return LoadedTopology.URL_PREFIX + file;
  }
}
