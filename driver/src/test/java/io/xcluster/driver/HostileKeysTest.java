package io.xcluster.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xcluster.testing.DbServer;
import io.xcluster.testing.DbServers;
import io.xcluster.testing.Sql;
import io.xcluster.testing.YamlClusters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Join keys read from one cluster reach the other only as bind parameters, never as SQL text: keys holding
 * quotes, backslashes, {@code '; DROP TABLE ...}, comment markers, Unicode, empty and very long strings join
 * exactly, over several key batches, and every table is still there afterwards. Run against PostgreSQL and
 * against MariaDB as the cluster the keys are bound into.
 */
class HostileKeysTest {
  private static final List<String> HOSTILE = List.of("O'Brien", "back\\slash", "ends with \\", "'; DROP TABLE notes; --",
      "Robert'); DROP TABLE tags;--", "\" OR \"1\"=\"1", "/* comment */", "-- dash", "% and _", "emoji \uD83D\uDE00",
      "日本語", "tab\tand\nnewline", "", "x".repeat(5_000) + "'", "?", "$1", "`backtick`");
  private static final int FILLER_KEYS = 2_500;

  @TempDir static Path directory;

  static Stream<DbServer> keyClusters() {
    return Stream.of(DbServers.postgres(), DbServers.mysql());
  }

  @AfterAll
  static void shutdown() {
    XClusterDriver.shutdown();
  }

  @ParameterizedTest(name = "keys bound into {0}")
  @MethodSource("keyClusters")
  void hostileKeysJoinExactlyAndNothingIsInjected(DbServer notesServer) throws Exception {
    DbServer postgres = DbServers.postgres();
    String tagsDb = "xc_drv_hostile_tags";
    String notesDb = "xc_drv_hostile_notes";
    postgres.recreateDatabase(tagsDb);
    notesServer.recreateDatabase(notesDb);
    List<String> keys = new ArrayList<>(HOSTILE);
    for (int i = 0; i < FILLER_KEYS; i++) {
      keys.add("key '" + i + "' \\ ;--");
    }
    try (Connection tags = postgres.connect(tagsDb); Connection notes = notesServer.connect(notesDb)) {
      Sql.run(tags, "CREATE TABLE tags (id INT PRIMARY KEY, name TEXT)");
      Sql.run(notes, "CREATE TABLE notes (id INT PRIMARY KEY, tag TEXT, body VARCHAR(20))");
      insert(tags, "INSERT INTO tags VALUES (?, ?)", keys, false);
      insert(notes, "INSERT INTO notes VALUES (?, ?, ?)", keys, true);
    }
    Path config = directory.resolve("hostile-" + notesServer.dialect() + ".yaml");
    Files.writeString(config, "clusters:\n"
        + YamlClusters.entry("labels", postgres.jdbcUrl(tagsDb), postgres, "tags")
        + YamlClusters.entry("texts", notesServer.jdbcUrl(notesDb), notesServer, "notes"));
    List<List<Object>> joined;
    try (Connection connection = DriverManager.getConnection("jdbc:xcluster:" + config + "?bindBatchSize=1000")) {
      joined = new ArrayList<>(Sql.rows(connection.createStatement().executeQuery(
          "SELECT t.id, n.body FROM tags t JOIN notes n ON n.tag = t.name")));
    }
    List<List<Object>> expected = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      expected.add(List.of(i, "note " + i));
    }
    joined.sort(Comparator.comparing(row -> ((Number) row.get(0)).intValue()));
    assertEquals(expected.size(), joined.size(), "every key matched its own note and nothing else");
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i).get(0), ((Number) joined.get(i).get(0)).intValue(), "row " + i);
      assertEquals(expected.get(i).get(1), joined.get(i).get(1), "row " + i);
    }
    try (Connection tags = postgres.connect(tagsDb); Connection notes = notesServer.connect(notesDb)) {
      assertTrue(Sql.rows(tags.createStatement().executeQuery("SELECT COUNT(*) FROM tags")).size() == 1);
      assertTrue(Sql.rows(notes.createStatement().executeQuery("SELECT COUNT(*) FROM notes")).size() == 1);
    }
  }

  private static void insert(Connection connection, String sql, List<String> keys, boolean withBody)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      for (int i = 0; i < keys.size(); i++) {
        insert.setInt(1, i);
        insert.setString(2, keys.get(i));
        if (withBody) {
          insert.setString(3, "note " + i);
        }
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }
}
