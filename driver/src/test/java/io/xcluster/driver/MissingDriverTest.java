package io.xcluster.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cluster whose URL no driver on the classpath accepts fails as configuration, naming the cluster, not the password. */
class MissingDriverTest {
  @TempDir Path directory;

  @AfterEach
  void forgetRuntimes() {
    XClusterDriver.shutdown();
  }

  @Test
  void aClusterWithoutADriverIsAConfigurationErrorThatKeepsItsPasswordSecret() throws Exception {
    Path yaml = directory.resolve("xcluster.yaml");
    Files.writeString(yaml, """
        clusters:
          ledger:
            url: "jdbc:nosuchdb://127.0.0.1:1/ledger?password=hunter2"
            tables: [entries]
        """);
    try (Connection connection = DriverManager.getConnection("jdbc:xcluster:" + yaml);
        Statement statement = connection.createStatement()) {
      SQLException refused = assertThrows(SQLException.class, () -> statement.executeQuery("SELECT * FROM entries"));
      assertEquals("08001", refused.getSQLState(), refused.toString());
      assertTrue(refused.getMessage().contains("cluster 'ledger'"), refused.getMessage());
      assertTrue(refused.getMessage().contains("JDBC driver on the application's classpath"), refused.getMessage());
      for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
        assertFalse(String.valueOf(cause.getMessage()).contains("hunter2"), cause.toString());
      }
    }
  }
}
