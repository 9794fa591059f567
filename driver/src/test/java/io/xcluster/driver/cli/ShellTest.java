package io.xcluster.driver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xcluster.driver.XClusterDriver;
import io.xcluster.testing.LoadedTopology;
import io.xcluster.testing.RailsFixtures;
import io.xcluster.testing.Sql;
import io.xcluster.testing.Topology;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shell of the executable jar, on the pg_mysql fixtures: one statement (-e) or an interactive session. */
class ShellTest {
  private static LoadedTopology topology;

  @BeforeAll
  static void load() throws SQLException {
    topology = RailsFixtures.shared(Topology.pgMysql());
  }

  @AfterAll
  static void shutdown() {
    XClusterDriver.shutdown();
  }

  private record Ran(int status, String out, String err) {}

  private static Ran run(String input, String... args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(args, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Ran(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static String config() {
    return topology.configFile().toString();
  }

  @Test
  void oneCrossClusterStatementPrintsAnAlignedTable() throws Exception {
    String sql = "SELECT p.id, p.title FROM posts p JOIN subscriptions s ON s.id = p.subscription_id"
        + " WHERE s.user_id = 5 ORDER BY p.id";
    List<List<Object>> expected;
    try (Connection colocated = topology.connectColocated()) {
      expected = Sql.queryRows(colocated, sql);
    }
    Ran ran = run("", "--config", config(), "-e", sql + ";");
    assertEquals(0, ran.status(), ran.err());
    List<String> lines = ran.out().lines().toList();
    assertTrue(lines.get(0).matches("id\\s+\\| title"), lines.get(0));
    assertTrue(lines.get(1).matches("-+-\\+-+"), lines.get(1));
    assertTrue(lines.get(2).startsWith(expected.get(0).get(0) + " ") && lines.get(2).contains(" | "
        + expected.get(0).get(1)), lines.get(2));
    assertEquals("(" + expected.size() + " rows)", lines.get(lines.size() - 1));
  }

  @Test
  void csvAndTsvForScripts() throws Exception {
    String sql = "SELECT u.id, u.name, NULL AS nothing FROM users u WHERE u.id <= 2 ORDER BY u.id";
    List<List<Object>> expected;
    try (Connection colocated = topology.connectColocated()) {
      expected = Sql.queryRows(colocated, sql);
    }
    Ran csv = run("", "--config", config(), "-e", sql, "--format", "csv");
    assertEquals("id,name,nothing\n" + expected.get(0).get(0) + "," + expected.get(0).get(1) + ",\n"
        + expected.get(1).get(0) + "," + expected.get(1).get(1) + ",\n", csv.out());
    Ran tsv = run("", "--config", config(), "-e", sql, "--format", "tsv");
    assertTrue(tsv.out().startsWith("id\tname\tnothing\n" + expected.get(0).get(0) + "\t"), tsv.out());
    assertTrue(tsv.out().contains("\t\\N\n"), tsv.out());
  }

  @Test
  void aFailingStatementExitsWithOneAndItsSqlState() throws Exception {
    Ran ran = run("", "--config", config(), "-e", "SELECT no_such_column FROM users");
    assertEquals(1, ran.status());
    assertTrue(ran.err().startsWith("ERROR 42"), ran.err());
    assertEquals(2, run("", "--format", "xml").status());
  }

  @Test
  void anInteractiveSessionReadsMultiLineStatementsAndCommands() throws Exception {
    Ran ran = run("""
        \\clusters
        SELECT u.name
          FROM users u
         WHERE u.id = 1;
        \\timing
        \\explain SELECT p.title FROM posts p JOIN users u ON u.id = p.user_id;
        \\q
        """, "--config", config());
    assertEquals(0, ran.status(), ran.err());
    String name;
    try (Connection colocated = topology.connectColocated()) {
      name = (String) Sql.queryRows(colocated, "SELECT name FROM users WHERE id = 1").get(0).get(0);
    }
    assertTrue(ran.out().contains("accounts  jdbc:postgresql:"), ran.out());
    assertTrue(ran.out().contains(name) && ran.out().contains("(1 row)"), ran.out());
    assertTrue(ran.out().contains("Timing is on.") && ran.out().contains("Time: "), ran.out());
    assertTrue(ran.out().contains("content") && ran.out().contains("keys of slots"), ran.out());
  }

  @Test
  void progressShowsTheRowsFetchedSoFarPerCluster() throws Exception {
    Ran ran = run("", "--config", config(), "--progress", "-e", "SELECT p.title FROM posts p"
        + " JOIN subscriptions s ON s.id = p.subscription_id WHERE s.user_id = 5", "--format", "csv");
    assertEquals(0, ran.status(), ran.err());
    assertTrue(ran.err().contains("fetched: accounts ") && ran.err().contains(" content "), ran.err());
    assertTrue(ran.out().startsWith("title\n"), ran.out());
  }

  @Test
  void driverJarsGivenOnTheCommandLineAreLoaded() throws Exception {
    String pgjdbc = java.nio.file.Path.of(org.postgresql.Driver.class.getProtectionDomain().getCodeSource()
        .getLocation().toURI()).toString();
    Ran ran = run("", "--config", config(), "--drivers", pgjdbc, "-e", "SELECT name FROM users WHERE id = 1");
    assertEquals(0, ran.status(), ran.err());
    // here pgjdbc is on the class path already, so the jar adds nothing new; a plain java -jar registers it
    assertTrue(ran.err().startsWith("xcluster: drivers ["), ran.err());
    assertEquals(2, run("", "--config", config(), "--drivers", "/nonexistent/driver.jar", "-e", "SELECT 1").status());
  }
}
