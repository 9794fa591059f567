package io.xcluster.driver.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
  void orderedQueriesEndWithEveryTablesIdOrEveryOutputColumn() {
    for (GeneratedQuery query : queries) {
      String sql = query.sql();
      if (query.order() != RowOrder.ORDERED) {
        assertFalse(sql.contains(" ORDER BY "), sql);
        continue;
      }
      if (sql.startsWith("SELECT DISTINCT")) {
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
            Map.entry("CROSS JOIN", " CROSS JOIN "),
            Map.entry("4-table join", "FROM \\w+ \\w+( (LEFT |CROSS )?JOIN \\w+ \\w+.*){3}"),
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
            Map.entry("parameter", "\\?"));
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

  private static boolean mentions(String sql, FixtureTable table) {
    return sql.toLowerCase(Locale.ROOT)
        .matches("(?s).*\\b" + table.tableName() + " " + ForeignKeys.alias(table) + "\\b.*");
  }
}
