package io.xcluster.driver.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xcluster.testing.FixtureTable;
import io.xcluster.testing.LoadedTopology;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generator itself: deterministic, valid SQL for the colocated database, cross-cluster, total
 * orders, and every feature it promises actually produced.
 */
class RandomQueryGeneratorTest {
  private static final int SAMPLE = RandomRun.DEFAULT_COUNT;
  private static LoadedTopology loaded;
  private static List<GeneratedQuery> queries;

  @BeforeAll
  static void generate() throws SQLException {
    loaded = Topologies.pgPg();
    RandomQueryGenerator generator = new RandomQueryGenerator(loaded.topology(), loaded.data());
    queries =
        IntStream.range(0, SAMPLE)
            .mapToObj(index -> generator.generate(RandomRun.DEFAULT_SEED, index))
            .toList();
  }

  @Test
  void sameSeedAndIndexGiveTheSameQuery() {
    RandomQueryGenerator again = new RandomQueryGenerator(loaded.topology(), loaded.data());
    for (int index = 0; index < SAMPLE; index += 37) {
      assertEquals(queries.get(index), again.generate(RandomRun.DEFAULT_SEED, index));
    }
    assertNotEquals(
        queries.get(0),
        again.generate(RandomRun.DEFAULT_SEED + 1, 0),
        "another seed gives another query");
  }

  @Test
  void generatedQueriesRunAndAgreeOnTheColocatedDatabase() throws SQLException {
    try (Differential self = Differential.selfCheck(loaded)) {
      for (int index = 0; index < queries.size(); index++) {
        self.check(queries.get(index).toDiffQuery(), "generator self-check, query #" + index);
      }
    }
  }

  @Test
  void everyQueryJoinsTablesOfAtLeastTwoClusters() {
    for (GeneratedQuery query : queries) {
      long clusters =
          List.of(FixtureTable.values()).stream()
              .filter(table -> mentions(query.sql(), table))
              .map(table -> loaded.topology().clusterOf(table).cluster())
              .distinct()
              .count();
      assertTrue(clusters >= 2, query.sql());
    }
  }

  @Test
  void onlyOrderedQueriesHaveAnOuterOrderByOrRowLimit() {
    for (GeneratedQuery query : queries) {
      String outer = outerQuery(query.sql());
      boolean ordered = query.order() == RowOrder.ORDERED;
      assertEquals(ordered, outer.contains(" ORDER BY "), query.sql());
      if (outer.matches(".* (LIMIT|OFFSET|FETCH FIRST) .*")) {
        assertTrue(ordered, query.sql());
      }
    }
  }

  @Test
  void orderedJoinQueriesEndWithEveryTablesIdOrEveryOutputColumn() {
    for (GeneratedQuery query : queries) {
      String sql = query.sql();
      if (!query.shape().equals("join")
          || query.order() != RowOrder.ORDERED
          || sql.startsWith("SELECT DISTINCT")) {
        continue;
      }
      String orderBy = sql.substring(sql.indexOf(" ORDER BY "));
      for (FixtureTable table : FixtureTable.values()) {
        if (mentions(sql, table)) {
          assertTrue(orderBy.contains(ForeignKeys.alias(table) + ".id"), sql);
        }
      }
    }
  }

  @Test
  void generatorProducesEveryPromisedFeature() {
    Map<String, String> features =
        Map.ofEntries(
            Map.entry("LEFT JOIN", " LEFT JOIN "),
            Map.entry("RIGHT JOIN", " RIGHT JOIN "),
            Map.entry("RIGHT JOIN after another join", " JOIN \\w+ \\w+ ON .* RIGHT JOIN "),
            Map.entry("CROSS JOIN", " CROSS JOIN "),
            Map.entry("FULL JOIN", " FULL JOIN "),
            Map.entry("FULL JOIN under GROUP BY", " FULL JOIN .* GROUP BY "),
            Map.entry("4-table join", "FROM \\w+ \\w+( (LEFT |RIGHT |FULL |CROSS )?JOIN \\w+ \\w+.*){3}"),
            Map.entry(
                "multi-column key", " ON \\w\\.\\w+ = \\w\\.\\w+ AND \\w\\.\\w+ = \\w\\.\\w+"),
            Map.entry("IS NULL", " IS NULL"),
            Map.entry("IS NOT NULL", " IS NOT NULL"),
            Map.entry("IN", " IN \\("),
            Map.entry("NOT IN", " NOT IN \\("),
            Map.entry("LIKE", " LIKE "),
            Map.entry("BETWEEN", " BETWEEN "),
            Map.entry("OR", " OR "),
            Map.entry("NOT", "NOT \\("),
            Map.entry("timestamp literal", "TIMESTAMP '"),
            Map.entry("column vs column", "WHERE .*\\b\\w\\.\\w+ [<>=]+ \\w\\.\\w+"),
            Map.entry("arithmetic alias", " AS e\\d"),
            Map.entry("t.*", "\\b\\w\\.\\*"),
            Map.entry("SELECT *", "^SELECT (DISTINCT )?\\* "),
            Map.entry("DISTINCT", "^SELECT DISTINCT "),
            Map.entry("NULLS FIRST", " NULLS FIRST"),
            Map.entry("NULLS LAST", " NULLS LAST"),
            Map.entry("DESC", " DESC"),
            Map.entry("LIMIT", " LIMIT \\d+$"),
            Map.entry("LIMIT OFFSET", " LIMIT \\d+ OFFSET \\d+$"),
            Map.entry("FETCH FIRST", " FETCH FIRST \\d+ ROWS ONLY$"),
            Map.entry("parameter", "\\?"),
            Map.entry("GROUP BY", " GROUP BY "),
            Map.entry("GROUP BY position", " GROUP BY ([^ ]+, )?\\d"),
            Map.entry("GROUP BY alias", " GROUP BY ([^ ]+, )?g\\d"),
            Map.entry("GROUP BY expression", " GROUP BY (.*, )?\\w\\.\\w+ [-+*] "),
            Map.entry("two GROUP BY keys", " GROUP BY [^ ]+( [^ ]+)*, "),
            Map.entry("aggregate without GROUP BY", "^SELECT (?!.* GROUP BY )[^(]*(COUNT|SUM)\\("),
            Map.entry("HAVING", " HAVING "),
            Map.entry("COUNT(*)", "COUNT\\(\\*\\)"),
            Map.entry("COUNT(column)", "COUNT\\(\\w\\.\\w+\\)"),
            Map.entry("COUNT(DISTINCT)", "COUNT\\(DISTINCT "),
            Map.entry("SUM", "SUM\\("),
            Map.entry("SUM over two clusters' columns", "SUM\\(\\w\\.\\w+ [-+] \\w\\.\\w+\\)"),
            Map.entry("AVG", "AVG\\("),
            Map.entry("MIN of text", "MIN\\(\\w\\.(name|title|body|email|plan)\\)"),
            Map.entry("MAX of a timestamp", "MAX\\(\\w\\.created_at\\)"),
            Map.entry("arithmetic over aggregates", "MAX\\(([^)]+)\\) - MIN\\(\\1\\)"),
            Map.entry("ORDER BY an aggregate", " ORDER BY (COUNT|SUM|AVG|MIN|MAX)\\("),
            Map.entry("derived table", " FROM \\(SELECT "),
            Map.entry("derived table joined to a table", "\\) x (LEFT )?JOIN \\w+ \\w ON "),
            Map.entry("table left-joined to a derived table", " LEFT JOIN \\(SELECT "),
            Map.entry("derived table by its column names", "\\(SELECT [^)]*\\b\\w\\.\\w+(,| FROM)"),
            Map.entry("DISTINCT in a derived table", "\\(SELECT DISTINCT "),
            Map.entry("row limit in a derived table", "(LIMIT \\d+|ROWS ONLY|OFFSET \\d+)\\) x"),
            Map.entry("x.*", "SELECT x\\.\\* "),
            Map.entry("IN subquery", " IN \\(SELECT "),
            Map.entry("NOT IN subquery", " NOT IN \\(SELECT "),
            Map.entry("EXISTS", "(?<!NOT )EXISTS \\(SELECT 1 FROM \\w+ \\w2 WHERE \\w2\\."),
            Map.entry("NOT EXISTS", "NOT EXISTS \\(SELECT 1 "),
            Map.entry("aggregate subquery", "[<>=] \\(SELECT (AVG|MIN|MAX|SUM|COUNT)\\("),
            Map.entry(
                "correlated aggregate subquery",
                "\\(SELECT (COUNT\\(\\*\\)|MIN|MAX|SUM)[^)]*\\)? FROM \\w+ \\w2 WHERE \\w2\\.\\w+ = \\w\\.|"
                    + "\\(SELECT (COUNT\\(\\*\\)|MIN|MAX|SUM)[^)]*\\)? FROM \\w+ \\w2 WHERE \\w\\.\\w+ = \\w2\\."),
            Map.entry("IN subquery under OR", "\\(\\w\\.\\w+ (NOT )?IN \\(SELECT [^()]*\\)\\) OR \\("),
            // the subquery may hold one level of parentheses of its own (its filter)
            Map.entry("EXISTS under OR", "\\((NOT )?EXISTS \\(SELECT ([^()]|\\([^()]*\\))*\\)\\) OR \\("),
            Map.entry("subquery under NOT", "NOT \\(\\(?(\\w\\.\\w+ (NOT )?IN |(NOT )?EXISTS )\\(SELECT "),
            Map.entry("scalar subquery under OR", "\\(SELECT [^)]*\\).* OR \\w\\.\\w+ IS NULL\\)"),
            Map.entry("two subqueries", "\\(SELECT .*\\(SELECT "),
            Map.entry("UNION", " UNION SELECT "),
            Map.entry("UNION ALL", " UNION ALL SELECT "),
            Map.entry("INTERSECT", " INTERSECT SELECT "),
            Map.entry("INTERSECT ALL", " INTERSECT ALL SELECT "),
            Map.entry("EXCEPT", " EXCEPT SELECT "),
            Map.entry("EXCEPT ALL", " EXCEPT ALL SELECT "),
            Map.entry("three branches", "( (UNION|INTERSECT|EXCEPT)( ALL)? SELECT .*){2}"),
            Map.entry("ordered set operation", "(UNION|INTERSECT|EXCEPT).* ORDER BY \\d"),
            Map.entry("WITH", "^WITH x AS \\(SELECT "),
            Map.entry("CTE joined to a table", "^WITH .* FROM x (LEFT )?JOIN "));
    features.forEach(
        (feature, regex) ->
            assertTrue(
                queries.stream()
                    .anyMatch(query -> Pattern.compile(regex).matcher(query.sql()).find()),
                "no generated query has " + feature));
    assertTrue(
        queries.stream().anyMatch(query -> query.prepared() && query.params().isEmpty()),
        "some queries go through a PreparedStatement without parameters");
  }

  /** {@code sql} without the text of its derived table, if it has one. */
  private static String outerQuery(String sql) {
    int start = sql.indexOf("(SELECT ");
    if (start < 0) {
      return sql;
    }
    int depth = 0;
    for (int index = start; index < sql.length(); index++) {
      char c = sql.charAt(index);
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      if (depth == 0) {
        return sql.substring(0, start) + sql.substring(index + 1);
      }
    }
    throw new IllegalArgumentException("unbalanced parentheses: " + sql);
  }

  private static boolean mentions(String sql, FixtureTable table) {
    return sql.toLowerCase(Locale.ROOT)
        .matches("(?s).*\\b" + table.tableName() + " " + ForeignKeys.alias(table) + "\\b.*");
  }
}
