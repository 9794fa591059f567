package io.xcluster.driver.replicas;

import io.xcluster.driver.QueryEvent;
import io.xcluster.driver.QueryListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** A query listener that keeps every physical query's event, to assert which server (target) served each. */
final class QueryTargets implements QueryListener {
  private final List<QueryEvent> events = new CopyOnWriteArrayList<>();

  @Override
  public void onQuery(QueryEvent event) {
    events.add(event);
  }

  List<QueryEvent> events() {
    return List.copyOf(events);
  }

  /** The targets of the queries so far, in order ({@code shop}, {@code shop/replica1}...). */
  List<String> targets() {
    return events.stream().map(QueryEvent::target).toList();
  }

  /** The target of the last query. */
  String last() {
    return events.get(events.size() - 1).target();
  }

  void clear() {
    events.clear();
  }

  @Override
  public String toString() {
    return events.stream().map(event -> event.target() + " " + event.kind() + ": " + event.sql()
        + (event.failed() ? " FAILED " + event.failure().getSQLState() : ""))
        .collect(Collectors.joining("\n  ", "physical queries:\n  ", ""));
  }
}
