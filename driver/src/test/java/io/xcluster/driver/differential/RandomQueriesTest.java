package io.xcluster.driver.differential;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.xcluster.driver.QueryEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Several hundred random cross-cluster queries ({@link RandomQueryGenerator}: joins, aggregates,
 * derived tables, subqueries, set operations, CTEs) through xcluster must each return what the colocated database returns. Every
 * query is checked; the failure counts the queries that differ, groups them by kind of problem,
 * and details the first few (set {@code xcluster.random.shown} for more), each with the seed, its
 * index, its shape and the properties that rerun it alone. The first one's exception is the
 * failure's cause.
 */
@AcrossTopologies
class RandomQueriesTest extends DifferentialCases {
  @Test
  void randomCrossClusterQueriesMatchTheColocatedDatabase() {
    checkAll(diff);
  }

  /**
   * The same queries as an application streaming large results runs them ({@link
   * QuerySource#xclusterThroughCursors}): hash joins above two keys, streamed ones read through the drivers'
   * cursors, each query in a transaction with a fetch size.
   */
  @Test
  void randomQueriesJoinedByHashThroughCursorsMatchTheColocatedDatabase() throws Exception {
    if (Boolean.getBoolean(SELF_CHECK)) {
      checkAll(diff);
      return;
    }
    Map<QueryEvent.Kind, Long> kinds = new java.util.concurrent.ConcurrentHashMap<>();
    try (Differential throughCursors = Differential.throughCursors(topology,
        event -> kinds.merge(event.kind(), 1L, Long::sum))) {
      checkAll(throughCursors);
    }
    // a tenth of the queries at least ran a fetch unbound: the mode tests what it says
    long hashJoins = kinds.getOrDefault(QueryEvent.Kind.HASH_JOIN, 0L);
    assertTrue(hashJoins >= RandomRun.fromSystemProperties().indexes().count() / 10, "physical queries: " + kinds);
  }

  private void checkAll(Differential differential) {
    RandomRun run = RandomRun.fromSystemProperties();
    RandomQueryGenerator generator = new RandomQueryGenerator(topology.topology(), topology.data());
    List<AssertionError> failures = new ArrayList<>();
    int checked = 0;
    for (int index : run.indexes().toArray()) {
      GeneratedQuery query = generator.generate(run.seed(), index);
      String context =
          "random seed "
              + run.seed()
              + ", query #"
              + index
              + ", shape "
              + query.shape()
              + "; rerun with "
              + run.rerun(index);
      checked++;
      try {
        differential.check(query.toDiffQuery(), context);
      } catch (AssertionError e) {
        failures.add(e);
      }
    }
    if (checked == 0) {
      fail("no random query was checked: " + run);
    }
    if (!failures.isEmpty()) {
      fail(summary(run, checked, failures), failures.get(0));
    }
  }

  private String summary(RandomRun run, int checked, List<AssertionError> failures) {
    Map<String, Long> kinds =
        failures.stream()
            .collect(
                Collectors.groupingBy(
                    e -> kind(e.getMessage()), TreeMap::new, Collectors.counting()));
    String details =
        failures.stream()
            .limit(run.shown())
            .map(AssertionError::getMessage)
            .collect(Collectors.joining("\n\n"));
    return failures.size()
        + " of "
        + checked
        + " random queries differ on "
        + topology.topology().name()
        + " (seed "
        + run.seed()
        + "), by kind:\n"
        + kinds.entrySet().stream()
            .map(kind -> "  " + kind.getValue() + " x " + kind.getKey())
            .collect(Collectors.joining("\n"))
        + "\nthe first "
        + Math.min(run.shown(), failures.size())
        + ":\n\n"
        + details;
  }

  /** The first line of a failure after its header, digits masked, so alike problems group. */
  private static String kind(String message) {
    return message
        .lines()
        .filter(line -> !line.startsWith("Differential ") && !line.startsWith("  "))
        .findFirst()
        .orElse("?")
        .replaceAll("\\d+", "#")
        .replaceAll("(\\[SQLState [^]]*]: .{0,60}).*", "$1...");
  }
}
