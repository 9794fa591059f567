package io.xcluster.driver.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xcluster.driver.QueryEvent;
import io.xcluster.driver.QueryListener;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Query listeners named in the configuration ({@code listeners:}, or {@code ?listeners=} on the URL). */
class ConfiguredListenerTest {
  /** A listener the configuration names by class. */
  public static final class Recording implements QueryListener {
    static final List<QueryEvent> EVENTS = new CopyOnWriteArrayList<>();

    @Override
    public void onQuery(QueryEvent event) {
      EVENTS.add(event);
    }
  }

  @Test
  void aListenerNamedInTheConfigurationHearsEveryPhysicalQuery() throws SQLException {
    Recording.EVENTS.clear();
    String url = SplitClusters.pgMysql().jdbcUrl() + "?listeners=" + Recording.class.getName();
    try (Connection connection = DriverManager.getConnection(url)) {
      SplitClusters.query(connection, "SELECT p.title FROM posts p JOIN subscriptions s ON s.id = p.subscription_id"
          + " WHERE s.user_id = 5");
    }
    assertEquals(List.of("accounts", "content"), Recording.EVENTS.stream().map(QueryEvent::cluster).toList());
  }

  @Test
  void aListenerThatCannotBeCreatedFailsTheConnectionByName() throws SQLException {
    String url = SplitClusters.pgMysql().jdbcUrl() + "?listeners=com.example.NoSuchListener";
    SQLException refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(url).close());
    assertTrue(refused.getMessage().contains("listener 'com.example.NoSuchListener'")
        && refused.getMessage().contains("ClassNotFoundException"), refused.getMessage());
  }
}
