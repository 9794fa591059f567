package io.xcluster.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xcluster.testing.DbServer;
import io.xcluster.testing.DbServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What xcluster lets through and what it keeps to itself: TLS options of a cluster's URL reach the real
 * driver untouched; a password in the URL or the YAML never shows in errors, EXPLAIN or {@code toString()};
 * with no default cluster, a table the YAML does not map is refused before any database sees the statement.
 */
class SecurityTest {
  private static final String PASSWORD = "hunter2-secret";
  @TempDir static Path directory;

  @AfterAll
  static void shutdown() {
    XClusterDriver.shutdown();
  }

  @Test
  void tlsOptionsReachTheRealDriverAndThePasswordStaysHidden() throws Exception {
    DbServer postgres = DbServers.postgres();
    postgres.recreateDatabase("xc_drv_security");
    String url = postgres.jdbcUrl("xc_drv_security");
    String tls = url + (url.contains("?") ? "&" : "?") + "sslmode=verify-full&sslrootcert=/nonexistent/xcluster-root.crt"
        + "&password=" + PASSWORD;
    Path config = directory.resolve("tls.yaml");
    // the password the application configured, though the local server trusts any
    Files.writeString(config, "clusters:\n  secure:\n    url: \"" + tls + "\"\n    username: \""
        + postgres.username() + "\"\n    password: \"" + PASSWORD + "\"\n    pool: { connectionTimeout: 1000 }\n"
        + "    tables: [users]\n");
    try (Connection connection = DriverManager.getConnection("jdbc:xcluster:" + config)) {
      SQLException refused = assertThrows(SQLException.class,
          () -> connection.createStatement().executeQuery("SELECT 1 FROM users"));
      String everything = messages(refused);
      String driverSaid = messages(refused.getCause());
      assertTrue(driverSaid.contains("xcluster-root.crt") || driverSaid.contains("SSL"),
          "pgjdbc itself failed on the TLS options: " + driverSaid);
      assertFalse(everything.contains(PASSWORD), "no password in the error: " + everything);
      assertTrue(refused.getMessage().contains("'secure'"), refused.getMessage());
      assertFalse(connection.toString().contains(PASSWORD));
    }
  }

  @Test
  void anUnmappedTableIsRefusedBeforeAnyDatabaseSeesTheStatement() throws Exception {
    DbServer postgres = DbServers.postgres();
    postgres.recreateDatabase("xc_drv_security");
    Path config = directory.resolve("mapped.yaml");
    Files.writeString(config, "clusters:\n  accounts:\n    url: \"" + postgres.jdbcUrl("xc_drv_security")
        + "\"\n    username: \"" + postgres.username() + "\"\n    password: \"" + PASSWORD + "\"\n"
        + "    tables: [users]\n");
    QueryCounter queries = new QueryCounter();
    try (XClusterDataSource dataSource = new XClusterDataSource("jdbc:xcluster:" + config)) {
      dataSource.addQueryListener(queries);
      try (Connection connection = dataSource.getConnection()) {
        SQLException refused = assertThrows(SQLException.class,
            () -> connection.createStatement().executeQuery("SELECT * FROM pg_shadow"));
        assertEquals("42P01", refused.getSQLState(), refused.toString());
        assertTrue(refused.getMessage().contains("pg_shadow") && refused.getMessage().contains("not mapped"),
            refused.getMessage());
        assertFalse(messages(refused).contains(PASSWORD));
      }
    }
    assertEquals(0, queries.total(), "no database saw the statement: " + queries);
  }

  private static String messages(Throwable failure) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      all.append(t).append('\n');
    }
    return all.toString();
  }
}
