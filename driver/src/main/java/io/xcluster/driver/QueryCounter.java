package io.xcluster.driver;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A {@link QueryListener} for tests that counts physical queries per cluster, the xcluster form of the Rails
 * testing guide's "assert exactly two queries". Register it, run the code under test, then assert:
 *
 * <pre>{@code
 * QueryCounter queries = new QueryCounter();
 * dataSource.addQueryListener(queries);
 * postsOf(user);
 * queries.assertCounts(Map.of("accounts", 1, "content", 1));
 * }</pre>
 *
 * <p>Thread-safe; needs no test framework (a failed assertion is a plain {@link AssertionError} that lists
 * the queries, as JUnit and others report it).
 */
public final class QueryCounter implements QueryListener {
  private final List<QueryEvent> events = new CopyOnWriteArrayList<>();

  @Override
  public void onQuery(QueryEvent event) {
    events.add(event);
  }

  /** The queries seen so far, in the order they ran. */
  public List<QueryEvent> events() {
    return List.copyOf(events);
  }

  public int total() {
    return events.size();
  }

  /** Queries that ran on {@code cluster}. */
  public int count(String cluster) {
    return (int) events.stream().filter(event -> event.cluster().equals(cluster)).count();
  }

  /** Queries per cluster that ran at least one, by cluster name. */
  public Map<String, Integer> counts() {
    Map<String, Integer> counts = new TreeMap<>();
    events.forEach(event -> counts.merge(event.cluster(), 1, Integer::sum));
    return counts;
  }

  /** Fails unless exactly these clusters ran exactly these numbers of queries (clusters not named: none). */
  public void assertCounts(Map<String, Integer> expected) {
    Map<String, Integer> wanted = new TreeMap<>(expected);
    wanted.values().removeIf(count -> count == 0);
    if (!wanted.equals(counts())) {
      throw new AssertionError("expected queries per cluster " + wanted + " but were " + counts() + "\n" + this);
    }
  }

  /** Forgets the queries seen so far. */
  public void reset() {
    events.clear();
  }

  /** One line per query (SQL without parameter values), for failure messages. */
  @Override
  public String toString() {
    return events.stream()
        .map(event -> event.cluster() + " " + event.kind() + ": " + event.sql() + (event.failed() ? " (failed)" : ""))
        .collect(Collectors.joining("\n  ", "queries:\n  ", ""));
  }
}
