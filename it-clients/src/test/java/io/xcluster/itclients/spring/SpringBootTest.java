package io.xcluster.itclients.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.xcluster.driver.XClusterDriver;
import io.xcluster.testing.DbServer;
import io.xcluster.testing.DbServers;
import io.xcluster.testing.LoadedTopology;
import io.xcluster.testing.RailsFixtures;
import io.xcluster.testing.Sql;
import io.xcluster.testing.Topology;
import io.xcluster.testing.YamlClusters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Spring Boot with {@code spring.datasource.url=jdbc:xcluster:...} (and the driver class named, as for any
 * driver Spring Boot does not know): its default HikariCP pool wraps xcluster,
 * JdbcTemplate joins across clusters as the colocated database answers, and {@code @Transactional} writes to
 * one cluster commit, roll back on an exception, and roll back when a second cluster is written (25000).
 */
class SpringBootTest {
  @TempDir static Path directory;

  @SpringBootApplication
  static class App {}

  @AfterAll
  static void shutdown() {
    XClusterDriver.shutdown();
  }

  private static ConfigurableApplicationContext start(String url, String... properties) {
    List<String> all = new java.util.ArrayList<>(List.of("spring.datasource.url=" + url,
        // Spring Boot names the driver only for URLs it knows; for any other it must be told
        "spring.datasource.driver-class-name=io.xcluster.driver.XClusterDriver",
        "spring.main.banner-mode=off"));
    all.addAll(List.of(properties));
    SpringApplication application = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
        .properties(all.toArray(String[]::new)).build();
    return application.run();
  }

  @Test
  void jdbcTemplateJoinsAcrossClustersBehindSpringsOwnPool() throws Exception {
    LoadedTopology topology = RailsFixtures.shared(Topology.pgMysql());
    String sql = "SELECT p.id, p.title FROM posts p JOIN subscriptions s ON s.id = p.subscription_id"
        + " WHERE s.user_id = ? ORDER BY p.id";
    List<List<Object>> expected;
    try (Connection colocated = topology.connectColocated()) {
      expected = Sql.queryRows(colocated, sql.replace("?", "5"));
    }
    try (ConfigurableApplicationContext context = start(topology.jdbcUrl())) {
      assertInstanceOf(HikariDataSource.class, context.getBean(javax.sql.DataSource.class));
      List<Map<String, Object>> rows = context.getBean(JdbcTemplate.class).queryForList(sql, 5);
      assertFalse(rows.isEmpty());
      assertEquals(expected.size(), rows.size());
      for (int i = 0; i < rows.size(); i++) {
        assertEquals(((Number) expected.get(i).get(0)).longValue(), ((Number) rows.get(i).get("id")).longValue());
        assertEquals(expected.get(i).get(1), rows.get(i).get("title"));
      }
    }
  }

  /**
   * An untyped NULL argument: JdbcTemplate asks getParameterMetaData() for its type, which a SELECT across
   * clusters refuses (0A000), and Spring then binds the NULL by its default.
   */
  @Test
  void jdbcTemplateBindsANullArgumentOfAStatementAcrossClusters() throws Exception {
    LoadedTopology topology = RailsFixtures.shared(Topology.pgMysql());
    String sql = "SELECT p.id FROM posts p JOIN subscriptions s ON s.id = p.subscription_id"
        + " WHERE s.user_id = ? AND COALESCE(?, p.title) = p.title ORDER BY p.id";
    List<List<Object>> expected;
    try (Connection colocated = topology.connectColocated()) {
      expected = Sql.queryRows(colocated, sql.replaceFirst("\\?", "5").replace("?", "NULL"));
    }
    try (ConfigurableApplicationContext context = start(topology.jdbcUrl())) {
      List<Long> ids = context.getBean(JdbcTemplate.class).queryForList(sql, Long.class, 5, null);
      assertFalse(ids.isEmpty());
      assertEquals(expected.stream().map(row -> ((Number) row.get(0)).longValue()).toList(), ids);
    }
  }

  /**
   * HikariCP takes SQLState 0A000 for a broken connection and closes it; xcluster's override keeps the
   * connection of a refused statement usable, which Spring's pool otherwise closes under the application.
   */
  @Test
  void aRefusedStatementKeepsItsPooledConnectionWithTheOverride() throws Exception {
    LoadedTopology topology = RailsFixtures.shared(Topology.pgMysql());
    String refused = "SELECT s.id, (SELECT p.title FROM posts p WHERE p.subscription_id = s.id ORDER BY p.id"
        + " LIMIT 1) FROM subscriptions s";
    for (boolean override : new boolean[] {false, true}) {
      String[] properties = override
          ? new String[] {"spring.datasource.hikari.exception-override-class-name="
              + io.xcluster.driver.HikariExceptionOverride.class.getName()}
          : new String[0];
      try (ConfigurableApplicationContext context = start(topology.jdbcUrl(), properties);
          Connection connection = context.getBean(javax.sql.DataSource.class).getConnection();
          java.sql.Statement statement = connection.createStatement()) {
        java.sql.SQLException refusal = assertThrows(java.sql.SQLException.class,
            () -> statement.executeQuery(refused));
        assertEquals("0A000", refusal.getSQLState());
        assertEquals(override, !connection.isClosed(), "override " + override);
        if (override) {
          try (var rows = statement.executeQuery("SELECT COUNT(*) FROM posts")) {
            assertTrue(rows.next());
          }
        }
      }
    }
  }

  @Test
  void transactionalWritesToOneClusterCommitOrRollBack() throws Exception {
    DbServer postgres = DbServers.postgres();
    DbServer mysql = DbServers.mysql();
    postgres.recreateDatabase("xc_it_spring_notes");
    mysql.recreateDatabase("xc_it_spring_likes");
    try (Connection notes = postgres.connect("xc_it_spring_notes");
        Connection likes = mysql.connect("xc_it_spring_likes")) {
      Sql.run(notes, "CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(40))");
      Sql.run(likes, "CREATE TABLE likes (id INT PRIMARY KEY, note_id INT)");
    }
    Path config = directory.resolve("spring.yaml");
    Files.writeString(config, "clusters:\n" + YamlClusters.entry("notes", postgres.jdbcUrl("xc_it_spring_notes"), postgres, "notes")
        + YamlClusters.entry("likes", mysql.jdbcUrl("xc_it_spring_likes"), mysql, "likes"));
    try (ConfigurableApplicationContext context = start("jdbc:xcluster:" + config)) {
      NotesService service = context.getBean(NotesService.class);
      JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
      service.addTwoNotes(1, 2);
      assertThrows(IllegalStateException.class, () -> service.addNoteThenFail(3));
      DataAccessException refused = assertThrows(DataAccessException.class, () -> service.addNoteAndLike(4));
      assertTrue(String.valueOf(refused.getMostSpecificCause().getMessage()).contains("likes"), refused.toString());
      assertEquals(List.of(1, 2), jdbc.queryForList("SELECT id FROM notes ORDER BY id", Integer.class),
          "the committed notes only: the failed and the refused transactions were rolled back");
      assertEquals(0, jdbc.queryForObject("SELECT COUNT(*) FROM likes", Integer.class));
    }
  }
}
