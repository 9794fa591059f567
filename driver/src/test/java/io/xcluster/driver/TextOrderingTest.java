package io.xcluster.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xcluster.testing.DbServer;
import io.xcluster.testing.DbServers;
import io.xcluster.testing.Sql;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text ordered across clusters follows the database's collation or is refused: never a silent code-point
 * order where the database would order otherwise. MariaDB's utf8mb4_general_ci orders 'apple' before
 * 'Banana'; code points put 'Banana' first. Text compared in memory (joins, semi-joins) compares exactly, as
 * PostgreSQL's deterministic collations do, even where MariaDB's collation would take 'apple' for 'Apple'.
 */
class TextOrderingTest {
  private static final String OWNERS_DB = "xc_drv_text_owners";
  private static final String PETS_DB = "xc_drv_text_pets";
  @TempDir static Path directory;
  static Path config;

  @BeforeAll
  static void createClusters() throws SQLException, IOException {
    DbServer postgres = DbServers.postgres();
    DbServer mysql = DbServers.mysql();
    postgres.recreateDatabase(OWNERS_DB);
    mysql.dropDatabase(PETS_DB);
    try (Connection server = mysql.connect("mysql")) {
      Sql.run(server, "CREATE DATABASE " + PETS_DB + " COLLATE utf8mb4_general_ci");
    }
    try (Connection owners = postgres.connect(OWNERS_DB); Connection pets = mysql.connect(PETS_DB)) {
      Sql.run(owners, "CREATE TABLE owners (id INT PRIMARY KEY, name VARCHAR(20))",
          "INSERT INTO owners VALUES (1, 'Ada'), (2, 'Grace')",
          "CREATE TABLE fruits (name VARCHAR(20))",
          "INSERT INTO fruits VALUES ('apple'), ('Apple'), ('Cherry'), ('plum'), (NULL)");
      Sql.run(pets, "CREATE TABLE pets (id INT PRIMARY KEY, owner_id INT, name VARCHAR(20))",
          "INSERT INTO pets VALUES (1, 1, 'cherry'), (2, 1, 'Banana'), (3, 2, 'apple'), (4, 1, 'Apricot')",
          "CREATE TABLE labels (id INT PRIMARY KEY, name VARCHAR(20))",
          "INSERT INTO labels VALUES (1, 'apple'), (2, 'Apple'), (3, 'cherry'), (4, 'plum ')");
    }
    config = directory.resolve("xcluster.yaml");
    Files.writeString(config, "clusters:\n"
        + "  people:\n    url: \"" + postgres.jdbcUrl(OWNERS_DB) + "\"\n    username: \"" + postgres.username()
        + "\"\n    password: \"" + nullToEmpty(postgres.password()) + "\"\n    tables: [owners, fruits]\n"
        + "  animals:\n    url: \"" + mysql.jdbcUrl(PETS_DB) + "\"\n    username: \"" + mysql.username()
        + "\"\n    password: \"" + nullToEmpty(mysql.password()) + "\"\n    tables: [pets, labels]\n");
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }

  @AfterAll
  static void shutdown() {
    XClusterDriver.shutdown();
  }

  private static List<List<Object>> query(String url, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url)) {
      return Sql.queryRows(connection, sql);
    }
  }

  @Test
  void textOfTheFirstClusterIsSortedByItsOwnCollation() throws SQLException {
    List<List<Object>> rows = query("jdbc:xcluster:" + config,
        "SELECT p.name FROM pets p JOIN owners o ON o.id = p.owner_id ORDER BY p.name");
    assertEquals(List.of(List.of("apple"), List.of("Apricot"), List.of("Banana"), List.of("cherry")), rows);
  }

  @Test
  void inMemorySortOfLinguisticallyCollatedTextIsRefused() {
    SQLFeatureNotSupportedException refused = assertThrows(SQLFeatureNotSupportedException.class,
        () -> query("jdbc:xcluster:" + config, "SELECT p.name FROM owners o JOIN pets p ON p.owner_id = o.id"
            + " WHERE o.id = 1 ORDER BY p.name"));
    assertEquals("0A000", refused.getSQLState());
    assertTrue(refused.getMessage().contains("utf8mb4_general_ci"), refused.getMessage());
    assertTrue(refused.getMessage().contains("textOrdering: codepoint"), refused.getMessage());
  }

  @Test
  void codePointOrderCanBeAcceptedExplicitly() throws SQLException {
    List<List<Object>> rows = query("jdbc:xcluster:" + config + "?textOrdering=codepoint",
        "SELECT p.name FROM owners o JOIN pets p ON p.owner_id = o.id WHERE o.id = 1 ORDER BY p.name");
    assertEquals(List.of(List.of("Apricot"), List.of("Banana"), List.of("cherry")), rows);
  }

  @Test
  void numbersOfTheSameClusterAreSortedInMemoryWithoutFuss() throws SQLException {
    List<List<Object>> rows = query("jdbc:xcluster:" + config,
        "SELECT p.id FROM owners o JOIN pets p ON p.owner_id = o.id WHERE o.id = 1 ORDER BY p.id DESC");
    assertEquals(List.of(List.of(4), List.of(2), List.of(1)), rows);
  }

  @Test
  void minAndMaxOfLinguisticallyCollatedTextAreRefused() {
    // MIN/MAX of text compare in memory by code point ('Banana' < 'apple'), which utf8mb4_general_ci does not.
    SQLFeatureNotSupportedException refused = assertThrows(SQLFeatureNotSupportedException.class,
        () -> query("jdbc:xcluster:" + config, "SELECT o.name, MIN(p.name) FROM owners o JOIN pets p"
            + " ON p.owner_id = o.id GROUP BY o.name"));
    assertEquals("0A000", refused.getSQLState());
    assertTrue(refused.getMessage().contains("MIN(") && refused.getMessage().contains("utf8mb4_general_ci"),
        refused.getMessage());
  }

  @Test
  void minOfTextWithCodePointOrderAcceptedAndMinOfNumbersNeedNothing() throws SQLException {
    assertEquals(List.of(List.of("Ada", "Apricot"), List.of("Grace", "apple")),
        query("jdbc:xcluster:" + config + "?textOrdering=codepoint", "SELECT o.name, MIN(p.name) FROM owners o"
            + " JOIN pets p ON p.owner_id = o.id GROUP BY o.name ORDER BY o.name"));
    assertEquals(List.of(List.of("Ada", 1), List.of("Grace", 3)),
        query("jdbc:xcluster:" + config, "SELECT o.name, MIN(p.id) FROM owners o"
            + " JOIN pets p ON p.owner_id = o.id GROUP BY o.name ORDER BY o.name"));
  }

  @Test
  void semiJoinAgainstCaseInsensitiveClusterKeepsEveryExactValue() throws SQLException {
    // DISTINCT on utf8mb4_general_ci keeps one of 'apple'/'Apple'; the exact join must still find both
    assertEquals(List.of(List.of("Apple"), List.of("apple")), sorted(query("jdbc:xcluster:" + config,
        "SELECT f.name FROM fruits f WHERE f.name IN (SELECT l.name FROM labels l)")));
    assertEquals(List.of(List.of("Apple"), List.of("apple")), sorted(query("jdbc:xcluster:" + config,
        "SELECT f.name FROM fruits f WHERE EXISTS (SELECT 1 FROM labels l WHERE l.name = f.name)")));
  }

  @Test
  void antiJoinAgainstCaseInsensitiveClusterKeepsOnlyExactMisses() throws SQLException {
    assertEquals(List.of(List.of("Cherry"), List.of("plum")), sorted(query("jdbc:xcluster:" + config,
        "SELECT f.name FROM fruits f WHERE f.name NOT IN (SELECT l.name FROM labels l)")));
    assertEquals(List.of(List.of("Cherry"), List.of("plum")), sorted(query("jdbc:xcluster:" + config,
        "SELECT f.name FROM fruits f WHERE f.name IS NOT NULL"
            + " AND NOT EXISTS (SELECT 1 FROM labels l WHERE l.name = f.name)")));
  }

  private static List<List<Object>> sorted(List<List<Object>> rows) {
    return rows.stream().sorted(java.util.Comparator.comparing(row -> String.valueOf(row.get(0)))).toList();
  }
}
