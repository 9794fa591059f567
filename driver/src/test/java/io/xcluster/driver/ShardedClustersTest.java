package io.xcluster.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xcluster.driver.jdbc.XClusterConnection;
import io.xcluster.testing.DbServer;
import io.xcluster.testing.DbServers;
import io.xcluster.testing.Sql;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A sharded content cluster (posts spread over shards by user_id) beside an accounts cluster (users), on
 * PostgreSQL (three shards, hash rule) and on MariaDB (two shards, range rule). Every query gives what one
 * database holding all rows gives (the colocated database), the query listener shows which shards served it,
 * writes land on the shard their key picks, and what would go wrong is refused.
 */
class ShardedClustersTest {
  private static final int USERS = 30;
  private static final int POSTS = 300;
  @TempDir static Path directory;

  /** One engine's databases: accounts, the shards, and the colocated copy of everything. */
  record Setup(String name, DbServer server, String prefix, List<String> shards, String rule) {
    String accounts() {
      return prefix + "_accounts";
    }

    String colocated() {
      return prefix + "_all";
    }

    String shardServer(int index) {
      return "content/shard" + index;
    }

    /** The shard the rule puts a user's posts on. */
    int shardOf(int userId) {
      return rule.equals("hash") ? Math.floorMod(userId, shards.size()) : userId < 15 ? 0 : 1;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Named<Setup>> setups() {
    return Stream.of(
        Named.of("postgres, 3 shards by hash", new Setup("pg", DbServers.postgres(), "xc_sh_pg",
            List.of("xc_sh_pg_s0", "xc_sh_pg_s1", "xc_sh_pg_s2"), "hash")),
        Named.of("mariadb, 2 shards by range", new Setup("my", DbServers.mysql(), "xc_sh_my",
            List.of("xc_sh_my_s0", "xc_sh_my_s1"), "range")));
  }

  /** {@code lucky} is the id as a floating number, {@code half} the id plus 0.5: join keys of other types. */
  private static final String USERS_DDL = "CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(40),"
      + " lucky DOUBLE PRECISION, half DECIMAL(6, 1))";
  private static final String POSTS_DDL =
      "CREATE TABLE posts (id INT PRIMARY KEY, user_id INT NOT NULL, score INT, title VARCHAR(40))";

  /** Fresh databases for one test: users in accounts, posts on the shards their user picks, all in colocated. */
  private static void load(Setup setup) throws Exception {
    for (String database : databases(setup)) {
      setup.server().recreateDatabase(database);
    }
    List<String> users = new ArrayList<>();
    for (int id = 1; id <= USERS; id++) {
      users.add("(" + id + ", 'user " + (char) ('a' + id % 26) + id + "', " + id + ", " + id + ".5)");
    }
    List<String> posts = new ArrayList<>();
    List<List<String>> byShard = new ArrayList<>();
    setup.shards().forEach(shard -> byShard.add(new ArrayList<>()));
    for (int id = 1; id <= POSTS; id++) {
      int user = 1 + (id * 7) % USERS;
      String score = id % 17 == 0 ? "NULL" : String.valueOf((id * 37) % 101);
      String row = "(" + id + ", " + user + ", " + score + ", 'post " + id + "')";
      posts.add(row);
      byShard.get(setup.shardOf(user)).add(row);
    }
    try (Connection accounts = setup.server().connect(setup.accounts());
        Connection colocated = setup.server().connect(setup.colocated())) {
      Sql.run(accounts, USERS_DDL, "INSERT INTO users VALUES " + String.join(", ", users));
      Sql.run(colocated, USERS_DDL, POSTS_DDL, "INSERT INTO users VALUES " + String.join(", ", users),
          "INSERT INTO posts VALUES " + String.join(", ", posts));
    }
    for (int s = 0; s < setup.shards().size(); s++) {
      try (Connection shard = setup.server().connect(setup.shards().get(s))) {
        Sql.run(shard, POSTS_DDL, "INSERT INTO posts VALUES " + String.join(", ", byShard.get(s)));
      }
    }
  }

  private static List<String> databases(Setup setup) {
    List<String> all = new ArrayList<>(List.of(setup.accounts(), setup.colocated()));
    all.addAll(setup.shards());
    return all;
  }

  @AfterAll
  static void drop() throws Exception {
    XClusterDriver.shutdown();
    for (Named<Setup> named : setups().toList()) {
      for (String database : databases(named.getPayload())) {
        named.getPayload().server().dropDatabase(database);
      }
    }
  }

  private static XClusterDataSource dataSource(Setup setup) throws Exception {
    return dataSource(setup, null);
  }

  /** @param shard0Replica a database that serves as the first shard's replica, or null for none */
  private static XClusterDataSource dataSource(Setup setup, String shard0Replica) throws Exception {
    load(setup);
    StringBuilder yaml = new StringBuilder("clusters:\n  accounts:\n    url: \"")
        .append(setup.server().jdbcUrl(setup.accounts())).append("\"\n    username: \"")
        .append(setup.server().username()).append("\"\n    password: \"\"\n    tables: [users]\n")
        .append("  content:\n    username: \"").append(setup.server().username()).append("\"\n    password: \"\"\n")
        .append("    tables: [posts]\n    sharding: { rule: ").append(setup.rule())
        .append(", keys: { posts: user_id } }\n    shards:\n");
    for (int s = 0; s < setup.shards().size(); s++) {
      yaml.append("      - url: \"").append(setup.server().jdbcUrl(setup.shards().get(s))).append("\"\n");
      if (setup.rule().equals("range")) {
        yaml.append(s == 0 ? "        to: 15\n" : "        from: 15\n");
      }
      if (s == 0 && shard0Replica != null) {
        yaml.append("        replicas: [ { url: \"").append(setup.server().jdbcUrl(shard0Replica)).append("\" } ]\n");
      }
    }
    Path config = Files.writeString(directory.resolve("sharded-" + setup.name() + ".yaml"), yaml.toString());
    return new XClusterDataSource("jdbc:xcluster:" + config);
  }

  private static final List<String> QUERIES = List.of(
      "SELECT id, user_id, score, title FROM posts WHERE user_id = 7 ORDER BY id",
      "SELECT id, title FROM posts WHERE user_id IN (1, 2, 3, 16) ORDER BY id",
      "SELECT id, score FROM posts ORDER BY score DESC NULLS LAST, id LIMIT 10 OFFSET 5",
      "SELECT user_id, COUNT(*), SUM(score), MIN(score), MAX(score), COUNT(score) FROM posts GROUP BY user_id"
          + " ORDER BY user_id",
      "SELECT COUNT(*), SUM(score) FROM posts",
      "SELECT user_id, AVG(score), SUM(score) - COUNT(*) AS spread, SUM(score) / COUNT(*) AS ratio FROM posts"
          + " GROUP BY user_id ORDER BY user_id",
      "SELECT u.id, p.id, p.score / u.id AS per_id FROM users u JOIN posts p ON p.user_id = u.id WHERE u.id <= 4"
          + " AND p.score IS NOT NULL ORDER BY p.id",
      "SELECT AVG(score) FROM posts WHERE user_id IN (3, 4, 20)",
      "SELECT DISTINCT score FROM posts WHERE score < 20 ORDER BY score NULLS FIRST",
      "SELECT u.name, p.title FROM users u JOIN posts p ON p.user_id = u.id WHERE u.id <= 5 ORDER BY p.id",
      "SELECT u.name, COUNT(*) AS posts FROM users u JOIN posts p ON p.user_id = u.id GROUP BY u.name"
          + " ORDER BY u.name",
      "SELECT p.id FROM posts p WHERE p.score > 90 ORDER BY p.id",
      // keys of other types bound into the shard key: each placed as the integer it equals, or matching none
      "SELECT u.id, p.id FROM users u JOIN posts p ON p.user_id = u.lucky WHERE u.id <= 6 ORDER BY p.id",
      "SELECT u.id, p.id FROM users u JOIN posts p ON p.user_id = u.half WHERE u.id <= 6 ORDER BY p.id",
      "SELECT a.id, b.id FROM posts a JOIN posts b ON a.user_id = b.user_id AND a.id < b.id WHERE a.user_id = 3"
          + " ORDER BY a.id, b.id",
      "SELECT u.id, (SELECT COUNT(*) FROM posts p WHERE p.user_id = u.id) AS n FROM users u WHERE u.id < 6"
          + " ORDER BY u.id",
      "SELECT id FROM posts WHERE user_id IN (SELECT id FROM users WHERE name LIKE 'user b%') ORDER BY id",
      "SELECT id FROM posts WHERE score = 3 UNION SELECT id FROM posts WHERE user_id = 9 ORDER BY 1",
      "SELECT x.user_id, x.n FROM (SELECT user_id, COUNT(*) AS n FROM posts GROUP BY user_id) x"
          + " WHERE x.n > 10 ORDER BY x.user_id");

  @ParameterizedTest(name = "{0}")
  @MethodSource("setups")
  void everyQueryAnswersLikeOneDatabaseHoldingAllShards(Setup setup) throws Exception {
    try (XClusterDataSource sharded = dataSource(setup);
        Connection colocated = setup.server().connect(setup.colocated());
        Connection connection = sharded.getConnection()) {
      for (String sql : QUERIES) {
        String dialected = setup.name().equals("my") ? sql.replace(" NULLS LAST", "").replace(" NULLS FIRST", "")
            .replace("score DESC, id", "score IS NULL, score DESC, id") : sql;
        List<List<Object>> expected = Sql.queryRows(colocated, dialected);
        List<List<Object>> actual = Sql.queryRows(connection, dialected);
        assertEquals(types(expected), types(actual), "the types of " + dialected);
        assertEquals(expected, actual, dialected);
      }
    }
  }

  private static List<List<Object>> numbersAsDecimals(List<List<Object>> rows) {
    return rows.stream().map(row -> row.stream().map(value -> value instanceof Number number
        ? (Object) new java.math.BigDecimal(number.toString()).stripTrailingZeros() : value).toList()).toList();
  }

  private static List<List<String>> types(List<List<Object>> rows) {
    return rows.stream().limit(3).map(row -> row.stream().map(v -> v == null ? "null" : v.getClass().getSimpleName())
        .toList()).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("setups")
  void aPinnedKeyGoesToItsShardAloneAndOthersScatter(Setup setup) throws Exception {
    QueryCounter counter = new QueryCounter();
    try (XClusterDataSource sharded = dataSource(setup); Connection connection = sharded.getConnection()) {
      sharded.addQueryListener(counter);
      Sql.queryRows(connection, "SELECT title FROM posts WHERE user_id = 20");
      counter.assertCounts(Map.of(setup.shardServer(setup.shardOf(20)), 1));
      counter.reset();
      try (PreparedStatement statement = connection.prepareStatement("SELECT title FROM posts WHERE user_id = ?")) {
        for (int user : new int[] {4, 17}) {
          statement.setInt(1, user);
          Sql.rows(statement.executeQuery());
        }
      }
      assertEquals(Set.of(setup.shardServer(setup.shardOf(4)), setup.shardServer(setup.shardOf(17))),
          Set.copyOf(counter.counts().keySet()), counter.toString());
      counter.reset();
      Sql.queryRows(connection, "SELECT COUNT(*) FROM posts");
      assertEquals(setup.shards().size(), counter.total(), "every shard counts: " + counter);
      assertTrue(Sql.queryRows(connection, "EXPLAIN XCLUSTER SELECT title FROM posts WHERE user_id = 3").toString()
          .contains("sent unchanged to shards of keys [3]"));
      List<List<Object>> analyzed = Sql.queryRows(connection, "EXPLAIN XCLUSTER ANALYZE SELECT id FROM posts WHERE score > 50");
      assertTrue(analyzed.get(0).contains((long) setup.shards().size()), "one query per shard: " + analyzed);
      counter.reset();
      List<List<Object>> merged = Sql.queryRows(connection, "SELECT id, score FROM posts WHERE score > 10 ORDER BY score, id");
      assertTrue(counter.events().stream().allMatch(event -> event.sql().contains(" ORDER BY ")),
          "each shard sorts its rows, merged as they stream: " + counter.events());
      try (Connection colocated = setup.server().connect(setup.colocated())) {
        assertEquals(Sql.queryRows(colocated, "SELECT id, score FROM posts WHERE score > 10 ORDER BY score, id"), merged);
      }
      counter.reset();
      Sql.queryRows(connection, "SELECT id FROM posts ORDER BY id DESC LIMIT 3 OFFSET 2");
      assertTrue(counter.events().stream().allMatch(event -> event.sql().endsWith(" LIMIT 5")),
          "each shard returns its top OFFSET + LIMIT rows: " + counter.events());
      counter.reset();
      Sql.queryRows(connection, "SELECT u.name, p.title FROM users u JOIN posts p ON p.user_id = u.id WHERE u.id = 2");
      assertEquals(Set.of("accounts", setup.shardServer(setup.shardOf(2))), Set.copyOf(counter.counts().keySet()),
          "keys bound by the shard key reach only their shard: " + counter);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("setups")
  void writesLandOnTheShardOfTheirKey(Setup setup) throws Exception {
    try (XClusterDataSource sharded = dataSource(setup); Connection connection = sharded.getConnection()) {
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO posts (id, user_id, score, title) VALUES (?, ?, 50, 'new')")) {
        for (int user : new int[] {1, 2, 16, 29}) {
          insert.setInt(1, 1000 + user);
          insert.setInt(2, user);
          insert.addBatch();
        }
        assertEquals(4, insert.executeBatch().length);
      }
      try (Statement statement = connection.createStatement()) {
        assertEquals(1, statement.executeUpdate("INSERT INTO posts (id, user_id, title) VALUES (2000, 5, 'lit')"));
        assertEquals(countOn(setup, "SELECT COUNT(*) FROM posts WHERE score > 80"),
            statement.executeUpdate("UPDATE posts SET title = 'hot' WHERE score > 80"), "counts add up over shards");
        assertEquals(2, statement.executeUpdate("DELETE FROM posts WHERE user_id = 5 AND id >= 1000")
            + statement.executeUpdate("DELETE FROM posts WHERE id = 1001"));
      }
    }
    for (int user : new int[] {2, 16, 29}) {
      try (Connection shard = setup.server().connect(setup.shards().get(setup.shardOf(user)))) {
        assertEquals(List.of(List.of(user)), Sql.queryRows(shard, "SELECT user_id FROM posts WHERE id = " + (1000 + user)));
      }
    }
  }

  private static long countOn(Setup setup, String sql) throws SQLException {
    try (Connection colocated = setup.server().connect(setup.colocated())) {
      return ((Number) Sql.queryRows(colocated, sql).get(0).get(0)).longValue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("setups")
  void whatWouldGoWrongIsRefusedClearly(Setup setup) throws Exception {
    try (XClusterDataSource sharded = dataSource(setup); Connection connection = sharded.getConnection();
        Statement statement = connection.createStatement()) {
      assertRefused("0A000", "does not name the shard key column user_id",
          () -> statement.executeUpdate("INSERT INTO posts (id, title) VALUES (5000, 'x')"));
      int owner = 1 + 7 % USERS; // post 1's user
      int elsewhere = java.util.stream.IntStream.rangeClosed(1, USERS)
          .filter(u -> setup.shardOf(u) != setup.shardOf(owner)).findFirst().orElseThrow();
      int sameShard = java.util.stream.IntStream.rangeClosed(1, USERS)
          .filter(u -> u != owner && setup.shardOf(u) == setup.shardOf(owner)).findFirst().orElseThrow();
      assertRefused("0A000", "would move them between shards",
          () -> statement.executeUpdate("UPDATE posts SET user_id = " + elsewhere + " WHERE id = 1"));
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE posts SET title = ?, user_id = ? WHERE id = ?")) {
        update.setString(1, "kept on its shard");
        update.setInt(2, sameShard);
        update.setInt(3, 1);
        assertEquals(1, update.executeUpdate(), "an ORM's full-row UPDATE that keeps the row's shard runs");
      }
      try (PreparedStatement batched = connection.prepareStatement(
          "UPDATE posts SET user_id = ? WHERE user_id = ? AND id = ?")) {
        batched.setInt(1, elsewhere); // the WHERE pins the row's own shard; the new key belongs to another
        batched.setInt(2, sameShard);
        batched.setInt(3, 1);
        batched.addBatch();
        assertRefused("0A000", "would move them between shards", batched::executeBatch);
      }
      try (Connection shard = setup.server().connect(setup.shards().get(setup.shardOf(owner)))) {
        assertEquals(List.of(List.of(sameShard, "kept on its shard")),
            Sql.queryRows(shard, "SELECT user_id, title FROM posts WHERE id = 1"));
      }
      int a = 1;
      int b = 1 + java.util.stream.IntStream.rangeClosed(2, USERS).filter(u -> setup.shardOf(u) != setup.shardOf(a))
          .findFirst().orElseThrow() - 1;
      assertRefused("0A000", "belong to different shards", () -> statement.executeUpdate(
          "INSERT INTO posts (id, user_id) VALUES (5001, " + a + "), (5002, " + b + ")"));
      assertRefused("0A000", "locking SELECT", () -> statement.executeQuery("SELECT * FROM posts FOR UPDATE"));
      connection.setAutoCommit(false);
      statement.executeUpdate("UPDATE posts SET title = 't' WHERE user_id = " + a);
      assertRefused("25000", "already writes to cluster 'content/shard",
          () -> statement.executeUpdate("UPDATE posts SET title = 't' WHERE user_id = " + b));
      connection.rollback();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("setups")
  void aPinnedConnectionSeesOnlyItsShard(Setup setup) throws Exception {
    int pinned = setup.shards().size() - 1;
    int inside = java.util.stream.IntStream.rangeClosed(1, USERS).filter(u -> setup.shardOf(u) == pinned)
        .findFirst().orElseThrow();
    int outside = java.util.stream.IntStream.rangeClosed(1, USERS).filter(u -> setup.shardOf(u) != pinned)
        .findFirst().orElseThrow();
    try (XClusterDataSource sharded = dataSource(setup); Connection connection = sharded.getConnection();
        Statement statement = connection.createStatement();
        Connection shard = setup.server().connect(setup.shards().get(pinned))) {
      statement.execute("SET xcluster.shard = '" + setup.shardServer(pinned) + "'");
      assertEquals(Sql.queryRows(shard, "SELECT COUNT(*) FROM posts"), Sql.queryRows(connection, "SELECT COUNT(*) FROM posts"));
      assertEquals(Sql.queryRows(shard, "SELECT id FROM posts WHERE user_id = " + inside + " ORDER BY id"),
          Sql.queryRows(connection, "SELECT id FROM posts WHERE user_id = " + inside + " ORDER BY id"));
      assertRefused("55000", "pinned to shard '" + setup.shardServer(pinned) + "'",
          () -> Sql.queryRows(connection, "SELECT id FROM posts WHERE user_id = " + outside));
      statement.execute("RESET xcluster.shard");
      assertEquals(List.of(List.of((long) POSTS)), Sql.queryRows(connection, "SELECT COUNT(*) FROM posts"));
      statement.execute("\n  set xcluster.shard to '" + setup.shardServer(pinned) + "';");
      assertEquals(Sql.queryRows(shard, "SELECT COUNT(*) FROM posts"), Sql.queryRows(connection, "SELECT COUNT(*) FROM posts"));
      statement.execute("  reset XCLUSTER.SHARD");
      assertEquals(List.of(List.of((long) POSTS)), Sql.queryRows(connection, "SELECT COUNT(*) FROM posts"));
      assertRefused("22023", "is not a shard", () -> statement.execute("SET xcluster.shard = 'content/nope'"));
    }
    java.util.Properties properties = new java.util.Properties();
    properties.setProperty(XClusterConnection.SHARD_PROPERTY, setup.shardServer(pinned));
    String url = "jdbc:xcluster:" + directory.resolve("sharded-" + setup.name() + ".yaml");
    try (Connection connection = new XClusterDriver().connect(url, properties);
        Connection shard = setup.server().connect(setup.shards().get(pinned))) {
      assertEquals(setup.shardServer(pinned), ((XClusterConnection) connection).shardPin().orElseThrow());
      assertEquals(Sql.queryRows(shard, "SELECT COUNT(*) FROM posts"), Sql.queryRows(connection,
          "SELECT COUNT(*) FROM posts"), "pinned by the connection property: only its shard's posts count");
      assertRefused("55000", "pinned to shard", () -> Sql.queryRows(connection,
          "SELECT id FROM posts WHERE user_id = " + outside));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("setups")
  void aTransactionReadsItsOwnShardWriteAcrossAllShardsAndRollsItBack(Setup setup) throws Exception {
    try (XClusterDataSource sharded = dataSource(setup); Connection connection = sharded.getConnection();
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      assertEquals(1, statement.executeUpdate("INSERT INTO posts (id, user_id, score) VALUES (7000, 9, 99)"));
      assertEquals(List.of(List.of((long) POSTS + 1)), numbers(Sql.queryRows(connection, "SELECT COUNT(*) FROM posts")),
          "the scatter read sees the transaction's own write on its shard");
      connection.rollback();
      assertEquals(List.of(List.of((long) POSTS)), numbers(Sql.queryRows(connection, "SELECT COUNT(*) FROM posts")));
      connection.commit();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("setups")
  void metadataListsAShardedTableOnce(Setup setup) throws Exception {
    try (XClusterDataSource sharded = dataSource(setup); Connection connection = sharded.getConnection();
        java.sql.ResultSet tables = connection.getMetaData().getTables(null, null, "posts", new String[] {"TABLE"})) {
      List<List<Object>> rows = Sql.rows(tables);
      assertEquals(1, rows.size(), rows.toString());
    }
  }

  /**
   * A shard with a replica (a copy of the shard whose titles say so): the shard's reads go to the replica,
   * its writes to the shard, and its reads right after a write to the shard too (read-your-writes).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("setups")
  void aShardsReplicaServesItsReads(Setup setup) throws Exception {
    String replica = setup.shards().get(0) + "_r1";
    int user = java.util.stream.IntStream.rangeClosed(1, USERS).filter(u -> setup.shardOf(u) == 0).findFirst()
        .orElseThrow();
    QueryCounter counter = new QueryCounter();
    try (XClusterDataSource sharded = dataSource(setup, replica)) {
      setup.server().recreateDatabase(replica);
      try (Connection shard = setup.server().connect(setup.shards().get(0));
          Connection copy = setup.server().connect(replica)) {
        Sql.run(copy, POSTS_DDL);
        for (List<Object> row : Sql.queryRows(shard, "SELECT id, user_id, score FROM posts")) {
          Sql.run(copy, "INSERT INTO posts VALUES (" + row.get(0) + ", " + row.get(1) + ", "
              + (row.get(2) == null ? "NULL" : row.get(2)) + ", 'replica')");
        }
      }
      sharded.addQueryListener(counter);
      try (Connection connection = sharded.getConnection(); Statement statement = connection.createStatement()) {
        String read = "SELECT DISTINCT title FROM posts WHERE user_id = " + user;
        assertEquals(List.of(List.of("replica")), Sql.queryRows(connection, read));
        assertEquals(List.of("content/shard0/replica1"), counter.events().stream().map(QueryEvent::target).toList());
        counter.reset();
        Sql.queryRows(connection, "SELECT COUNT(*) FROM posts");
        assertTrue(counter.events().stream().map(QueryEvent::target).toList().contains("content/shard0/replica1"),
            "a scatter read uses the shard's replica: " + counter.events());
        counter.reset();
        statement.executeUpdate("UPDATE posts SET score = 1 WHERE user_id = " + user);
        assertTrue(Sql.queryRows(connection, read).stream().noneMatch(row -> row.get(0).equals("replica")),
            "right after its write, the connection reads the shard itself");
        assertEquals(List.of("content/shard0", "content/shard0"),
            counter.events().stream().map(QueryEvent::target).toList());
      }
    } finally {
      setup.server().dropDatabase(replica);
    }
  }

  /** A write that fails on its second shard says where it already ran (and committed): nothing half-done silently. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("setups")
  void aWriteFailingOnOneShardSaysWhereItAlreadyRan(Setup setup) throws Exception {
    try (XClusterDataSource sharded = dataSource(setup); Connection connection = sharded.getConnection();
        Statement statement = connection.createStatement();
        Connection lastShard = setup.server().connect(setup.shards().get(setup.shards().size() - 1))) {
      Sql.run(lastShard, "ALTER TABLE posts ADD CONSTRAINT small_scores CHECK (score < 1000)");
      SQLException failed = assertThrows(SQLException.class,
          () -> statement.executeUpdate("UPDATE posts SET score = 5000 WHERE score > 80"));
      assertTrue(failed.getMessage().contains("failed on shard '" + setup.shardServer(setup.shards().size() - 1)
          + "' after it ran on " + setup.shardServer(0)) && failed.getMessage().contains("each committed"),
          failed.getMessage());
      try (Connection firstShard = setup.server().connect(setup.shards().get(0))) {
        assertEquals(Sql.queryRows(firstShard, "SELECT COUNT(*) FROM posts WHERE score > 80"),
            Sql.queryRows(firstShard, "SELECT COUNT(*) FROM posts WHERE score = 5000"), "the first shard committed");
      }
    }
  }

  /** A merged sorted read gives every shard's connection back: read in part, read whole, or failed on a shard. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("setups")
  void aSortedScatterReadGivesEveryShardConnectionBack(Setup setup) throws Exception {
    try (XClusterDataSource sharded = dataSource(setup); Connection connection = sharded.getConnection()) {
      try (Statement statement = connection.createStatement();
          java.sql.ResultSet rows = statement.executeQuery("SELECT id, score FROM posts ORDER BY score, id")) {
        assertTrue(rows.next() && rows.next(), "two rows read, the rest left unread");
        assertTrue(java.util.stream.IntStream.range(0, setup.shards().size())
            .map(shard -> sharded.activeConnections(setup.shardServer(shard))).sum() > 0, "the merge streams");
      }
      Sql.queryRows(connection, "SELECT id FROM posts ORDER BY id DESC LIMIT 4");
      if (setup.name().equals("pg")) {
        assertThrows(SQLException.class, () -> Sql.queryRows(connection,
            "SELECT id, 1 / (score - 53) AS x FROM posts ORDER BY id"), "a shard fails: division by zero");
      }
      for (int shard = 0; shard < setup.shards().size(); shard++) {
        assertEquals(0, sharded.activeConnections(setup.shardServer(shard)), setup.shardServer(shard));
      }
    }
  }

  private static List<List<Object>> numbers(List<List<Object>> rows) {
    return rows.stream().map(row -> row.stream().map(v -> (Object) ((Number) v).longValue()).toList()).toList();
  }

  private static void assertRefused(String state, String fragment, org.junit.jupiter.api.function.Executable call) {
    SQLException refused = assertThrows(SQLException.class, call);
    assertEquals(state, refused.getSQLState(), refused.getMessage());
    assertTrue(refused.getMessage().contains(fragment), refused.getMessage());
  }
}
