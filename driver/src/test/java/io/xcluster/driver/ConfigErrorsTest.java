package io.xcluster.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver's contract with DriverManager, and configuration mistakes failing {@code getConnection} with
 * every problem, its file and line, and its fix, before anything is started.
 */
class ConfigErrorsTest {
  @TempDir Path directory;

  @AfterAll
  static void shutdown() {
    XClusterDriver.shutdown();
  }

  private Path write(String yaml) throws IOException {
    Path file = directory.resolve("xcluster.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private SQLException connectFails(Path file) {
    SQLException failure = assertThrows(SQLNonTransientConnectionException.class,
        () -> DriverManager.getConnection("jdbc:xcluster:" + file).close());
    assertEquals("08001", failure.getSQLState());
    assertTrue(failure.getMessage().contains(file.getFileName().toString()), failure.getMessage());
    assertTrue(failure.getMessage().contains("Fix:"), failure.getMessage());
    return failure;
  }

  @Test
  void driverManagerFindsTheDriverOnlyForItsPrefix() throws SQLException {
    Driver driver = DriverManager.getDriver("jdbc:xcluster:classpath:x.yaml");
    assertTrue(driver instanceof XClusterDriver);
    assertFalse(driver.acceptsURL("jdbc:postgresql://localhost/x"));
    assertFalse(driver.acceptsURL("jdbc:p6spy:jdbc:xcluster:x"));
    assertNull(driver.connect("jdbc:postgresql://localhost/x", new Properties()));
  }

  @Test
  void missingFileNamesThePath() {
    SQLException failure = connectFails(directory.resolve("xcluster.yaml"));
    assertTrue(failure.getMessage().contains(directory.toString()), failure.getMessage());
  }

  @Test
  void yamlSyntaxErrorNamesTheLine() throws IOException {
    SQLException failure = connectFails(write("clusters:\n  a:\n    url: [unclosed\n"));
    assertTrue(failure.getMessage().matches("(?s).*xcluster\\.yaml:\\d+.*"), failure.getMessage());
  }

  @Test
  void tableMappedToTwoClustersNamesBoth() throws IOException {
    SQLException failure = connectFails(write("""
        clusters:
          a:
            url: jdbc:postgresql://127.0.0.1:5432/a
            tables: [users]
          b:
            url: jdbc:postgresql://127.0.0.1:5432/b
            tables: [posts, users]
        """));
    assertTrue(failure.getMessage().contains("users"), failure.getMessage());
    assertTrue(failure.getMessage().contains("xcluster.yaml:7"), failure.getMessage());
  }

  @Test
  void everyProblemIsReportedAtOnceAndPasswordsNever() throws IOException {
    SQLException failure = connectFails(write("""
        clusters:
          a:
            username: u
            password: hunter2-secret
            tables: [users]
          b:
            url: jdbc:postgresql://127.0.0.1:5432/b?password=other-secret
            tables: [posts]
            pool: { maximumPoolSize: 2 }
        defaultCluster: nowhere
        """));
    String message = failure.getMessage();
    assertTrue(message.contains("url"), message);
    assertTrue(message.contains("nowhere"), message);
    assertFalse(message.contains("hunter2-secret") || message.contains("other-secret"), message);
  }

  @Test
  void unresolvedVariableNamesIt() throws IOException {
    SQLException failure = connectFails(write("""
        clusters:
          a:
            url: jdbc:postgresql://127.0.0.1:5432/a
            password: ${XCLUSTER_TEST_SURELY_UNSET_VARIABLE}
            tables: [users]
        """));
    assertTrue(failure.getMessage().contains("XCLUSTER_TEST_SURELY_UNSET_VARIABLE"), failure.getMessage());
    assertTrue(failure.getMessage().contains("xcluster.yaml:4"), failure.getMessage());
  }

  @Test
  void unknownPoolPropertyFailsBeforeAnyPoolStarts() throws IOException {
    SQLException failure = connectFails(write("""
        clusters:
          a:
            url: jdbc:postgresql://127.0.0.1:5432/a
            pool: { maximumPoolSise: 3 }
            tables: [users]
        """));
    assertTrue(failure.getMessage().contains("maximumPoolSise"), failure.getMessage());
  }

  @Test
  void aFixedFileWorksOnTheNextAttemptBecauseNothingWasCached() throws IOException, SQLException {
    Path file = write("clusters: {}\n");
    connectFails(file);
    write("""
        clusters:
          a:
            url: jdbc:h2:mem:xcluster_config_retry
            username: sa
            tables: [users]
        """);
    try (Connection connection = DriverManager.getConnection("jdbc:xcluster:" + file)) {
      assertTrue(connection.isValid(1));
    }
  }
}
