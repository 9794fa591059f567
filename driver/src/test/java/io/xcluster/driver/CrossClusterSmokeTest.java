package io.xcluster.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.xcluster.driver.jdbc.XClusterConnection;
import io.xcluster.testing.Sql;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrossClusterSmokeTest {
  @TempDir static Path directory;
  static TwoClusters clusters;

  @BeforeAll
  static void createClusters() {
    clusters = new TwoClusters(directory);
  }

  @AfterAll
  static void shutdown() {
    XClusterDriver.shutdown();
  }

  @Test
  void joinsUsersWithTheirPosts() throws SQLException {
    List<QueryEvent> events = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(clusters.url())) {
      connection.unwrap(XClusterConnection.class).addQueryListener(events::add);
      try (PreparedStatement statement = connection.prepareStatement(
          "SELECT u.name, p.title, p.score FROM users u JOIN subscriptions s ON s.user_id = u.id"
              + " JOIN posts p ON p.subscription_id = s.id WHERE u.id = ? ORDER BY p.title")) {
        statement.setLong(1, 1);
        var rows = Sql.rows(statement.executeQuery());
        System.out.println(rows);
        events.forEach(e -> System.out.println(e.cluster() + ": " + e.sql() + " rows=" + e.rows()));
        assertEquals(List.of(List.of("Ada", "first", 10), java.util.Arrays.asList("Ada", "second", null)), rows);
        assertEquals(2, events.size());
      }
    }
  }
}
