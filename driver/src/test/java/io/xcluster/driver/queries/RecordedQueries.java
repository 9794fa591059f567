package io.xcluster.driver.queries;

import io.xcluster.driver.QueryEvent;
import io.xcluster.driver.jdbc.XClusterConnection;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** The physical queries an xcluster connection reported through its query listener, in the order they ran. */
final class RecordedQueries {
  private final List<QueryEvent> events = new CopyOnWriteArrayList<>();

  void listenTo(Connection connection) throws SQLException {
    connection.unwrap(XClusterConnection.class).addQueryListener(events::add);
  }

  List<QueryEvent> events() {
    return List.copyOf(events);
  }

  void clear() {
    events.clear();
  }

  int size() {
    return events.size();
  }

  QueryEvent get(int index) {
    return events.get(index);
  }

  List<String> clusters() {
    return events.stream().map(QueryEvent::cluster).toList();
  }

  List<QueryEvent> on(String cluster) {
    return events.stream().filter(event -> event.cluster().equals(cluster)).toList();
  }

  /** One line per query, for assertion messages. */
  @Override
  public String toString() {
    return events.stream()
        .map(event -> event.cluster() + ": " + event.sql() + " [parameters=" + event.parameters()
            + ", rows=" + event.rows() + (event.failed() ? ", FAILED " + event.failure().getMessage() : "") + "]")
        .collect(Collectors.joining("\n  ", "physical queries:\n  ", ""));
  }
}
