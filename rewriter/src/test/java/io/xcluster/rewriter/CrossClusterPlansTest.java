package io.xcluster.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.xcluster.config.ClusterConfig;
import io.xcluster.config.Options;
import io.xcluster.config.Secret;
import io.xcluster.config.XClusterConfig;
import io.xcluster.error.XClusterException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Cross-cluster plans printed as text and compared with {@code cross-plans.golden}: which queries each
 * cluster gets, what they bind, and what runs in memory. A behaviour change reads as a diff of that file;
 * set {@code -Dxcluster.golden.update=true} to rewrite it, then review the diff.
 */
class CrossClusterPlansTest {
  private static final String PLAN_PREFIX = "-> ";
  private static final Map<String, List<String>> COLUMNS = Map.of(
      "users", List.of("id", "name", "email", "score"),
      "subscriptions", List.of("id", "user_id", "plan"),
      "posts", List.of("id", "subscription_id", "user_id", "title", "score"),
      "comments", List.of("id", "post_id", "body"),
      "dogs", List.of("id", "name", "human_id"),
      "humans", List.of("id", "name"),
      "treats", List.of("id", "human_id", "name"));

  @Test
  void plansMatchTheGoldenFile() throws IOException {
    String expected = golden();
    String actual = replan(expected.lines().toList());
    if (Boolean.getBoolean("xcluster.golden.update")) {
      java.nio.file.Files.writeString(
          java.nio.file.Path.of("src/test/resources/io/xcluster/rewriter/cross-plans.golden"), actual);
    }
    assertEquals(expected, actual);
  }

  static Planner planner() {
    Map<String, ClusterConfig> clusters = new LinkedHashMap<>();
    Map<String, String> clusterByTable = new LinkedHashMap<>();
    cluster(clusters, clusterByTable, "accounts", "jdbc:postgresql://a/accounts", "users", "subscriptions");
    cluster(clusters, clusterByTable, "content", "jdbc:mysql://c/content", "posts", "comments");
    cluster(clusters, clusterByTable, "pets", "jdbc:postgresql://p/pets", "dogs");
    cluster(clusters, clusterByTable, "people", "jdbc:postgresql://p/people", "humans");
    cluster(clusters, clusterByTable, "kitchen", "jdbc:mysql://k/kitchen", "treats");
    Options options = new Options(Optional.of("accounts"), 100, 5_000);
    return new Planner(new XClusterConfig("test", clusters, options,
        new TestTableMap(clusterByTable, Optional.of("accounts"))));
  }

  private static void cluster(Map<String, ClusterConfig> clusters, Map<String, String> byTable, String name,
      String url, String... tables) {
    clusters.put(name, new ClusterConfig(name, url, null, Secret.of(null), Map.of(), List.of()));
    for (String table : tables) {
      byTable.put(table, name);
    }
  }

  /** Columns by the FROM item's first word: {@code users u} is users; a derived table lists its aliases. */
  static List<CatalogColumn> columns(String cluster, String item) {
    if (item.startsWith("(")) {
      return derivedColumns(item);
    }
    String table = item.strip().split("\\s+")[0].toLowerCase(Locale.ROOT).replace("\"", "").replace("`", "");
    List<String> known = COLUMNS.get(table);
    if (known == null) {
      throw new IllegalArgumentException("no test columns for " + item);
    }
    return known.stream().map(CrossClusterPlansTest::tableColumn).toList();
  }

  /** Keys ({@code id}, {@code ..._id}) are int8 and {@code score} int4, as in the fixtures; the rest untyped. */
  private static CatalogColumn tableColumn(String name) {
    if (name.equals("id") || name.endsWith("_id")) {
      return new CatalogColumn(name, "int8", Optional.of(io.xcluster.rewriter.eval.ValueKind.INTEGER));
    }
    return name.equals("score")
        ? new CatalogColumn(name, "int4", Optional.of(io.xcluster.rewriter.eval.ValueKind.INTEGER))
        : CatalogColumn.untyped(name);
  }

  /**
   * A derived table's columns: the last word of each select-list item (its alias or column name); an item
   * reading an {@code ...id} column is an int8, the rest untyped.
   */
  private static List<CatalogColumn> derivedColumns(String item) {
    String list = item.substring(item.indexOf("SELECT ") + 7, item.indexOf(" FROM "));
    return java.util.Arrays.stream(list.split(","))
        .map(String::strip)
        .map(CrossClusterPlansTest::derivedColumn)
        .toList();
  }

  private static CatalogColumn derivedColumn(String part) {
    String name = part.substring(Math.max(part.lastIndexOf(' '), part.lastIndexOf('.')) + 1);
    String expression = part.split(" AS ")[0];
    return expression.endsWith("id")
        ? new CatalogColumn(name, "int8", Optional.of(io.xcluster.rewriter.eval.ValueKind.INTEGER))
        : CatalogColumn.untyped(name);
  }

  private static String replan(List<String> lines) {
    Planner planner = planner();
    StringBuilder out = new StringBuilder();
    for (String line : lines) {
      if (line.startsWith(PLAN_PREFIX)) {
        continue;
      }
      out.append(line).append('\n');
      if (!line.isBlank() && !line.startsWith("#")) {
        for (String planLine : describe(planner, line).split("\n")) {
          out.append(PLAN_PREFIX).append(planLine).append('\n');
        }
      }
    }
    return out.toString();
  }

  private static String describe(Planner planner, String sql) {
    try {
      Plan plan = planner.plan(sql, CrossClusterPlansTest::columns);
      if (plan instanceof SetOperationPlan setOperation) {
        return setOperation.describe();
      }
      return plan instanceof CrossClusterPlan cross ? cross.describe() : plan.toString();
    } catch (XClusterException refused) {
      return "refused " + refused.state().code() + ": " + refused.getMessage();
    }
  }

  private static String golden() throws IOException {
    try (InputStream in = CrossClusterPlansTest.class.getResourceAsStream("cross-plans.golden")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
