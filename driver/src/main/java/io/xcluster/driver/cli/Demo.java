package io.xcluster.driver.cli;

import io.xcluster.config.XClusterUrl;
import io.xcluster.driver.QueryEvent;
import io.xcluster.driver.XClusterDriver;
import io.xcluster.driver.jdbc.XClusterConnection;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded demo: three in-memory H2 databases stand in for three clusters, loaded with the Rails guides'
 * examples (users, subscriptions and posts; dogs, humans and treats). It prints the configuration, runs
 * statements through {@code jdbc:xcluster:} and shows which cluster each one went to.
 */
final class Demo {
  private static final String CONFIG = """
      # xcluster demo: three in-memory H2 databases standing in for three clusters
      clusters:
        accounts:
          url: jdbc:h2:mem:xcluster_accounts;DB_CLOSE_DELAY=-1
          username: sa
          tables: [users, subscriptions]
        content:
          url: jdbc:h2:mem:xcluster_content;DB_CLOSE_DELAY=-1
          username: sa
          tables: [posts, treats]
        animals:
          url: jdbc:h2:mem:xcluster_animals;DB_CLOSE_DELAY=-1
          username: sa
          tables: [dogs, humans]
      defaultCluster: accounts
      """;

  private static final List<String> STATEMENTS = List.of(
      "SELECT u.name, s.plan FROM users u JOIN subscriptions s ON s.user_id = u.id ORDER BY u.id",
      "SELECT title, score FROM posts WHERE subscription_id = 1 ORDER BY score DESC",
      "UPDATE posts SET score = score + 1 WHERE id = 1",
      "SELECT 1 + 1 AS two",
      "-- Rails: user.posts through subscriptions (accounts) to posts (content)",
      "SELECT p.title, p.score FROM posts p JOIN subscriptions s ON s.id = p.subscription_id"
          + " WHERE s.user_id = 1 ORDER BY p.score DESC LIMIT 10",
      "-- Rails: dog.treats through humans, one query per cluster hop",
      "SELECT d.name AS dog, h.name AS human, t.name AS treat FROM dogs d JOIN humans h ON h.id = d.human_id"
          + " JOIN treats t ON t.human_id = h.id ORDER BY d.id, t.id",
      "-- A LEFT JOIN across clusters keeps users without posts",
      "SELECT u.name, p.title FROM users u LEFT JOIN subscriptions s ON s.user_id = u.id"
          + " LEFT JOIN posts p ON p.subscription_id = s.id ORDER BY u.id",
      "-- GROUP BY across clusters: posts counted per subscription in their cluster, summed per user in memory",
      "SELECT u.name, COUNT(*) AS posts FROM users u JOIN subscriptions s ON s.user_id = u.id"
          + " JOIN posts p ON p.subscription_id = s.id GROUP BY u.name ORDER BY u.name");

  private final PrintStream out;

  Demo(PrintStream out) {
    this.out = out;
  }

  void run() throws IOException, SQLException {
    Path config = Files.createTempFile("xcluster-demo", ".yaml");
    try {
      Files.writeString(config, CONFIG, StandardCharsets.UTF_8);
      loadClusters();
      String url = XClusterUrl.PREFIX + config;
      out.println("== configuration (" + config + ")");
      out.println(CONFIG);
      List<QueryEvent> queries = new ArrayList<>();
      try (Connection connection = DriverManager.getConnection(url)) {
        connection.unwrap(XClusterConnection.class).addQueryListener(queries::add);
        out.println("Each statement below is followed by the physical queries xcluster sent (-> cluster: SQL).");
        out.println();
        for (String sql : STATEMENTS) {
          show(connection, queries, sql);
        }
      }
    } finally {
      XClusterDriver.shutdown();
      Files.deleteIfExists(config);
    }
  }

  private void show(Connection connection, List<QueryEvent> queries, String sql) {
    if (sql.startsWith("--")) {
      out.println(sql);
      return;
    }
    out.println("== " + sql);
    queries.clear();
    try {
      try (Statement statement = connection.createStatement()) {
        if (statement.execute(sql)) {
          print(statement.getResultSet());
        } else {
          out.println("   " + statement.getUpdateCount() + " row(s) updated");
        }
      }
      for (QueryEvent query : queries) {
        out.println("   -> " + query.cluster() + ": " + query.sql()
            + (query.rows() >= 0 ? "   [" + query.rows() + " row(s)]" : ""));
      }
    } catch (SQLException refused) {
      out.println("   refused (" + refused.getSQLState() + "): " + refused.getMessage());
    }
    out.println();
  }

  private void print(ResultSet rows) throws SQLException {
    ResultSetMetaData meta = rows.getMetaData();
    StringBuilder header = new StringBuilder("  ");
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      header.append(" | ").append(meta.getColumnLabel(i));
    }
    out.println(header);
    while (rows.next()) {
      StringBuilder line = new StringBuilder("  ");
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        line.append(" | ").append(rows.getString(i));
      }
      out.println(line);
    }
  }

  private static void loadClusters() throws SQLException {
    run("jdbc:h2:mem:xcluster_accounts;DB_CLOSE_DELAY=-1",
        "CREATE TABLE users (id BIGINT PRIMARY KEY, name VARCHAR(50))",
        "CREATE TABLE subscriptions (id BIGINT PRIMARY KEY, user_id BIGINT, plan VARCHAR(20))",
        "INSERT INTO users VALUES (1, 'Ada'), (2, 'Grace'), (3, 'Linus')",
        "INSERT INTO subscriptions VALUES (1, 1, 'pro'), (2, 1, 'team'), (3, 2, 'free')");
    run("jdbc:h2:mem:xcluster_content;DB_CLOSE_DELAY=-1",
        "CREATE TABLE posts (id BIGINT PRIMARY KEY, subscription_id BIGINT, title VARCHAR(80), score INT)",
        "CREATE TABLE treats (id BIGINT PRIMARY KEY, human_id BIGINT, name VARCHAR(50))",
        "INSERT INTO posts VALUES (1, 1, 'Notes on the Analytical Engine', 42), (2, 1, 'Bernoulli numbers', 17),"
            + " (3, 3, 'COBOL at sea', 99)",
        "INSERT INTO treats VALUES (1, 1, 'biscuit'), (2, 2, 'bone')");
    run("jdbc:h2:mem:xcluster_animals;DB_CLOSE_DELAY=-1",
        "CREATE TABLE dogs (id BIGINT PRIMARY KEY, name VARCHAR(50), human_id BIGINT)",
        "CREATE TABLE humans (id BIGINT PRIMARY KEY, name VARCHAR(50))",
        "INSERT INTO humans VALUES (1, 'Ada'), (2, 'Grace')",
        "INSERT INTO dogs VALUES (1, 'Rex', 1), (2, 'Fido', 2), (3, 'Stray', NULL)");
  }

  private static void run(String url, String... statements) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }
}
