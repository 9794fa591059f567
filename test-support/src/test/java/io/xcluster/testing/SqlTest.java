package io.xcluster.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlTest {

  @Test
  void scriptSplitsAtSemicolonsThatEndLines() {
    String script =
        """
        -- fixture
        CREATE TABLE a (id INT);
        INSERT INTO a VALUES (1); INSERT INTO a VALUES (2);

        INSERT INTO a
          VALUES (3) ;\t
        SELECT 'x;y' FROM a""";

    assertEquals(
        List.of(
            "CREATE TABLE a (id INT)",
            "INSERT INTO a VALUES (1); INSERT INTO a VALUES (2)",
            "INSERT INTO a\n  VALUES (3)",
            "SELECT 'x;y' FROM a"),
        Sql.splitScript(script));
  }

  @Test
  void blankScriptHasNoStatements() {
    assertEquals(List.of(), Sql.splitScript("\n  ;\n-- only a comment\n"));
  }

  @Test
  void queryRowsKeepsNullsAndOrder() throws Exception {
    DbServer server = DbServers.postgres();
    server.recreateDatabase("xc_t_sql");
    try (Connection connection = server.connect("xc_t_sql")) {
      Sql.runScript(
          connection,
          """
          CREATE TABLE t (id INT, label VARCHAR(10));
          INSERT INTO t VALUES (2, NULL);
          INSERT INTO t VALUES (1, 'one');
          """);

      List<List<Object>> rows = Sql.queryRows(connection, "SELECT id, label FROM t ORDER BY id");

      assertEquals(2, rows.size());
      assertEquals(List.of(1, "one"), rows.get(0));
      assertEquals(2, rows.get(1).get(0));
      assertNull(rows.get(1).get(1));
    } finally {
      server.dropDatabase("xc_t_sql");
    }
  }
}
