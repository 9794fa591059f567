package io.xcluster.bench;

import io.xcluster.config.ConfigLoader;
import io.xcluster.config.XClusterConfig;
import io.xcluster.config.XClusterUrl;
import io.xcluster.rewriter.CatalogColumn;
import io.xcluster.rewriter.ColumnCatalog;
import io.xcluster.rewriter.Plan;
import io.xcluster.rewriter.Planner;
import io.xcluster.rewriter.eval.ValueKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.statement.Statement;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse and plan alone, no database: {@link Planner#plan(String, ColumnCatalog)} for a statement whose
 * plan is cached (what every repeated statement costs) and for a statement never seen before (a unique
 * trailing comment per call defeats the cache; the cost is JSqlParser's parse, the analysis and the
 * cross-cluster planning). Configuration: accounts on PostgreSQL, content on MySQL, as in the pg_mysql
 * topology. The column catalog answers from memory, as the driver's cached catalog does after a
 * table's first statement.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
// Long warm-up: C2 needs about 10 s of this machine's two cores to compile JSqlParser and the planner;
// a shorter one measures the compiler, not the steady state a running application sees.
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
public class PlannerBenchmark {
  private static final Map<String, List<CatalogColumn>> COLUMNS = Map.of(
      "users", List.of(key("id"), text("name"), text("email"), time("created_at"), integer("score", "int4")),
      "subscriptions", List.of(key("id"), key("user_id"), text("plan"), time("created_at")),
      "posts", List.of(integer("id", "int4"), integer("subscription_id", "int4"), integer("user_id", "int4"),
          text("title"), integer("score", "int4"), time("created_at")),
      "bookmarks", List.of(key("id"), key("user_id"), key("post_id")));
  private static final Map<String, List<CatalogColumn>> KNOWN_ITEMS = new ConcurrentHashMap<>();
  private static final ColumnCatalog CATALOG = PlannerBenchmark::columns;

  private Planner planner;
  private long unique;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    planner = new Planner(config());
    for (String sql : List.of(Queries.Q1, Queries.Q3, Queries.Q5)) {
      Plan plan = planner.plan(sql, CATALOG);
      System.out.println("xcluster bench: " + plan.getClass().getSimpleName() + " for " + sql);
    }
  }

  @Benchmark
  public Plan cachedQ3() {
    return planner.plan(Queries.Q3, CATALOG);
  }

  @Benchmark
  public Plan cachedQ5() {
    return planner.plan(Queries.Q5, CATALOG);
  }

  @Benchmark
  public Plan coldQ1() {
    return planner.plan(Queries.Q1 + " /* " + unique++ + " */", CATALOG);
  }

  @Benchmark
  public Plan coldQ3() {
    return planner.plan(Queries.Q3 + " /* " + unique++ + " */", CATALOG);
  }

  @Benchmark
  public Plan coldQ5() {
    return planner.plan(Queries.Q5 + " /* " + unique++ + " */", CATALOG);
  }

  /** JSqlParser's parse of the same unique Q3 text alone, on the calling thread: the floor of {@link #coldQ3()}. */
  @Benchmark
  public Statement parseOnlyQ3() throws ParseException {
    return CCJSqlParserUtil.newParser(Queries.Q3 + " /* " + unique++ + " */").withAllowComplexParsing(false)
        .Statement();
  }

  private static XClusterConfig config() throws IOException {
    Path file = Files.createTempFile("xcluster-bench-planner-", ".yaml");
    try {
      Files.writeString(file, """
          clusters:
            accounts:
              url: "jdbc:postgresql://127.0.0.1:5432/xc_bench_accounts"
              tables: [users, subscriptions, bookmarks]
            content:
              url: "jdbc:mysql://127.0.0.1:3306/xc_bench_content"
              tables: [posts]
          defaultCluster: accounts
          """, StandardCharsets.UTF_8);
      return ConfigLoader.load(XClusterUrl.parse("jdbc:xcluster:" + file).orElseThrow());
    } finally {
      Files.delete(file);
    }
  }

  /** Columns by the FROM item's text, remembered as the driver's catalog cache remembers them. */
  private static List<CatalogColumn> columns(String cluster, String fromItem) {
    return KNOWN_ITEMS.computeIfAbsent(fromItem, PlannerBenchmark::columnsOf);
  }

  /** Columns by the FROM item's table, e.g. {@code posts p}. */
  private static List<CatalogColumn> columnsOf(String fromItem) {
    String table = fromItem.strip().split("\\s+")[0].replace("\"", "").replace("`", "").toLowerCase(Locale.ROOT);
    List<CatalogColumn> columns = COLUMNS.get(table);
    if (columns == null) {
      throw new IllegalArgumentException("no benchmark columns for " + fromItem);
    }
    return columns;
  }

  private static CatalogColumn key(String name) {
    return integer(name, "int8");
  }

  private static CatalogColumn integer(String name, String type) {
    return new CatalogColumn(name, type, Optional.of(ValueKind.INTEGER));
  }

  private static CatalogColumn text(String name) {
    return new CatalogColumn(name, "varchar", Optional.of(ValueKind.TEXT));
  }

  private static CatalogColumn time(String name) {
    return new CatalogColumn(name, "timestamp", Optional.of(ValueKind.TIMESTAMP));
  }
}
