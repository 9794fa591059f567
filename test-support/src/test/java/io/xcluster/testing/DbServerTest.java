package io.xcluster.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class DbServerTest {
  private static final String DATABASE = "xc_t_roundtrip";

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void recreateReplacesDatabaseWithAnEmptyOne(Dialect dialect) throws Exception {
    DbServer server = DbServers.server(dialect);
    server.recreateDatabase(DATABASE);
    try (Connection connection = server.connect(DATABASE)) {
      Sql.run(connection, "CREATE TABLE leftover (id INT)");
    }

    server.recreateDatabase(DATABASE);

    try (Connection connection = server.connect(DATABASE)) {
      assertThrows(SQLException.class, () -> Sql.queryRows(connection, "SELECT * FROM leftover"));
    }
    server.dropDatabase(DATABASE);
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void recreateDisconnectsSessionsInsideATransaction(Dialect dialect) throws Exception {
    DbServer server = DbServers.server(dialect);
    server.recreateDatabase(DATABASE);
    try (Connection open = server.connect(DATABASE)) {
      Sql.run(open, "CREATE TABLE held (id INT)");
      open.setAutoCommit(false);
      Sql.queryRows(open, "SELECT * FROM held");

      server.recreateDatabase(DATABASE);

      assertFalse(open.isValid(2));
    }
    server.dropDatabase(DATABASE);
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void dropRemovesTheDatabaseAndToleratesAbsence(Dialect dialect) throws Exception {
    DbServer server = DbServers.server(dialect);
    server.recreateDatabase(DATABASE);

    server.dropDatabase(DATABASE);
    server.dropDatabase(DATABASE);

    assertThrows(SQLException.class, () -> server.connect(DATABASE).close());
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void newDatabasesCompareTextByBytes(Dialect dialect) throws Exception {
    DbServer server = DbServers.server(dialect);
    server.recreateDatabase(DATABASE);
    try (Connection connection = server.connect(DATABASE)) {
      Sql.run(connection, "CREATE TABLE words (word VARCHAR(10))");
      Sql.run(connection, "INSERT INTO words VALUES ('b'), ('B'), ('a'), ('A')");

      List<List<Object>> rows = Sql.queryRows(connection, "SELECT word FROM words ORDER BY word");

      assertEquals(List.of(List.of("A"), List.of("B"), List.of("a"), List.of("b")), rows);
      assertEquals(
          List.of(List.of(1L)),
          Sql.queryRows(connection, "SELECT COUNT(*) FROM words WHERE word = 'a'").stream()
              .map(row -> List.<Object>of(((Number) row.get(0)).longValue()))
              .toList());
    } finally {
      server.dropDatabase(DATABASE);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Users", "x; DROP DATABASE postgres", "a-b", "1abc", "\"q\""})
  void unsafeDatabaseNamesAreRejected(String name) {
    DbServer server = DbServers.postgres();

    assertThrows(IllegalArgumentException.class, () -> server.jdbcUrl(name));
    assertThrows(IllegalArgumentException.class, () -> server.recreateDatabase(name));
    assertThrows(IllegalArgumentException.class, () -> server.dropDatabase(name));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void toStringNamesDialectAndSource(Dialect dialect) {
    DbServer server = DbServers.server(dialect);

    assertTrue(server.toString().startsWith(dialect.displayName() + " from "), server.toString());
  }
}
