package io.xcluster.driver.replicas;

import static io.xcluster.driver.replicas.ReplicaRoutingTest.listen;
import static io.xcluster.driver.replicas.ReplicaRoutingTest.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xcluster.driver.QueryEvent;
import io.xcluster.driver.XClusterDataSource;
import io.xcluster.testing.DbServer;
import io.xcluster.testing.DbServers;
import io.xcluster.testing.Dialect;
import io.xcluster.testing.Sql;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cross-cluster statements over clusters with read replicas: {@code accounts} (users) on PostgreSQL and
 * {@code content} (posts) on MariaDB, each with one replica. Each plan step is a read, so it follows the same
 * rules as a single-cluster read: replicas outside a transaction (its key batches on further connections too),
 * the primary after this connection wrote to that cluster, primaries in a read-write transaction. The rows are
 * compared with one colocated PostgreSQL database holding both tables.
 */
class ReplicaCrossClusterTest {
  private static final String USERS = "CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL)";
  private static final String USER_ROWS =
      "INSERT INTO users VALUES (1, 'Ada'), (2, 'Grace'), (3, 'Edsger'), (4, 'Barbara'), (5, 'Donald')";
  private static final String POSTS = "CREATE TABLE posts (id INT PRIMARY KEY, user_id INT NOT NULL,"
      + " title VARCHAR(80) NOT NULL)";
  private static final String POST_ROWS = "INSERT INTO posts VALUES (1, 1, 'engines'), (2, 1, 'notes'),"
      + " (3, 2, 'cobol'), (4, 3, 'goto'), (5, 3, 'semaphores'), (6, 3, 'shortest paths'), (7, 4, 'clu'),"
      + " (8, 5, 'tex'), (9, 5, 'mix'), (10, 2, 'compilers')";
  private static final String JOIN = "SELECT u.name, p.title FROM users u JOIN posts p ON p.user_id = u.id"
      + " WHERE u.id <= 3 ORDER BY p.id";
  private static final String COLOCATED = "xc_rep_join_colocated";

  @TempDir static Path directory;
  private static DbServer postgres;
  private static DbServer mysql;
  private static ReplicatedDatabases accounts;
  private static ReplicatedDatabases content;
  private static Path config;

  @BeforeAll
  static void createDatabases() throws Exception {
    postgres = DbServers.postgres();
    mysql = DbServers.mysql();
    accounts = ReplicatedDatabases.create(postgres, "xc_rep_join_pg", 1, USERS, USER_ROWS);
    content = ReplicatedDatabases.create(mysql, "xc_rep_join_my", 1, POSTS, POST_ROWS);
    postgres.recreateDatabase(COLOCATED);
    try (Connection colocated = postgres.connect(COLOCATED)) {
      Sql.run(colocated, USERS, USER_ROWS, POSTS, POST_ROWS);
    }
    config = directory.resolve("join.yaml");
    List<String> options = List.of("replicaReadDelay: 300ms");
    Files.writeString(config, "clusters:\n"
        + accounts.yaml("accounts", accounts.replicaUrls(), options, "users")
        + content.yaml("content", content.replicaUrls(), options, "posts")
        + "bindBatchSize: 1\n");
  }

  @AfterAll
  static void dropDatabases() throws SQLException {
    accounts.close();
    content.close();
    postgres.dropDatabase(COLOCATED);
  }

  @Test
  void aJoinAcrossClustersReadsBothReplicasAndAnswersAsTheColocatedDatabase() throws Exception {
    List<List<Object>> expected = colocated(JOIN);
    assertEquals(7, expected.size());
    awaitNoSessions(); // sessions of the setup, or of other tests' primaries, end asynchronously
    try (XClusterDataSource dataSource = new XClusterDataSource("jdbc:xcluster:" + config)) {
      for (int run = 0; run < 3; run++) { // later runs find idle replica connections for the key batches
        try (Connection connection = dataSource.getConnection()) {
          QueryTargets targets = listen(connection);
          assertEquals(expected, rows(connection, JOIN));
          assertEquals(Set.of("accounts/replica1", "content/replica1"), new TreeSet<>(targets.targets()),
              targets.toString());
          assertEquals(3, targets.events().stream().filter(event -> event.kind() == QueryEvent.Kind.BIND_JOIN).count(),
              "one key per batch, three users: " + targets);
        }
      }
      assertEquals(0, sessionsOn(postgres, accounts.database(0)), "the accounts primary was never connected to");
      assertEquals(0, sessionsOn(mysql, content.database(0)), "nor the content primary, key batches included");
    }
  }

  @Test
  void aSetOperationAcrossClustersReadsTheReplicas() throws Exception {
    String union = "SELECT name FROM users WHERE id = 1 UNION ALL SELECT title FROM posts WHERE id = 1";
    try (XClusterDataSource dataSource = new XClusterDataSource("jdbc:xcluster:" + config);
        Connection connection = dataSource.getConnection()) {
      QueryTargets targets = listen(connection);
      assertEquals(colocated(union + " ORDER BY 1"), rows(connection, union + " ORDER BY 1"));
      assertEquals(Set.of("accounts/replica1", "content/replica1"), new TreeSet<>(targets.targets()),
          targets.toString());
    }
  }

  @Test
  void afterAWriteToOneClusterTheJoinReadsThatClustersPrimaryAndTheOtherReplica() throws Exception {
    try (XClusterDataSource dataSource = new XClusterDataSource("jdbc:xcluster:" + config);
        Connection connection = dataSource.getConnection()) {
      QueryTargets targets = listen(connection);
      try (Statement statement = connection.createStatement()) {
        statement.executeUpdate("UPDATE posts SET title = title WHERE id = 1");
      }
      targets.clear();
      assertEquals(colocated(JOIN), rows(connection, JOIN));
      assertEquals(Set.of("accounts/replica1", "content"), new TreeSet<>(targets.targets()), targets.toString());
      sleep(400);
      targets.clear();
      assertEquals(colocated(JOIN), rows(connection, JOIN));
      assertEquals(Set.of("accounts/replica1", "content/replica1"), new TreeSet<>(targets.targets()),
          targets.toString());
    }
  }

  @Test
  void aJoinInAReadWriteTransactionReadsThePrimariesAndSeesItsOwnWrite() throws Exception {
    try (XClusterDataSource dataSource = new XClusterDataSource("jdbc:xcluster:" + config);
        Connection connection = dataSource.getConnection()) {
      QueryTargets targets = listen(connection);
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.executeUpdate("INSERT INTO posts VALUES (11, 1, 'analytical engine')");
      }
      List<List<Object>> rows = rows(connection, JOIN);
      connection.rollback();
      assertTrue(rows.contains(List.of("Ada", "analytical engine")), rows.toString());
      assertEquals(colocated(JOIN).size() + 1, rows.size());
      assertEquals(Set.of("accounts", "content"), new TreeSet<>(targets.targets()), targets.toString());
      assertFalse(targets.events().stream().anyMatch(QueryEvent::onReplica));
    }
  }

  // ---- helpers --------------------------------------------------------------------------------------------

  private static List<List<Object>> colocated(String sql) throws SQLException {
    try (Connection connection = postgres.connect(COLOCATED)) {
      return rows(connection, sql);
    }
  }

  /** Every row, each value as text (numbers of any driver type compare by value). */
  private static List<List<Object>> rows(Connection connection, String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet results = statement.executeQuery(sql)) {
      int width = results.getMetaData().getColumnCount();
      while (results.next()) {
        List<Object> row = new ArrayList<>();
        for (int column = 1; column <= width; column++) {
          Object value = results.getObject(column);
          row.add(value instanceof Number number ? (Object) number.longValue() : String.valueOf(value));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static void awaitNoSessions() throws SQLException {
    for (int attempt = 0; attempt < 40; attempt++) {
      if (sessionsOn(postgres, accounts.database(0)) == 0 && sessionsOn(mysql, content.database(0)) == 0) {
        return;
      }
      sleep(50);
    }
    throw new AssertionError("the primaries keep sessions that no test holds");
  }

  /** Sessions the server has open on {@code database} now. */
  private static long sessionsOn(DbServer server, String database) throws SQLException {
    String sql = server.dialect() == Dialect.POSTGRESQL
        ? "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = '" + database + "'"
        : "SELECT COUNT(*) FROM information_schema.processlist WHERE db = '" + database + "'";
    String maintenance = server.dialect() == Dialect.POSTGRESQL ? "postgres" : "mysql";
    try (Connection admin = server.connect(maintenance)) {
      return ((Number) Sql.queryRows(admin, sql).get(0).get(0)).longValue();
    }
  }
}
