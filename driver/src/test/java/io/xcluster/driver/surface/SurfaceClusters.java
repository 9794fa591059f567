package io.xcluster.driver.surface;

import io.xcluster.driver.XClusterDataSource;
import io.xcluster.testing.DbServer;
import io.xcluster.testing.DbServers;
import io.xcluster.testing.Sql;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Two real clusters for the JDBC-surface tests, loaded once per JVM: {@code accounts} on PostgreSQL (users,
 * subscriptions) and {@code content} on MariaDB/MySQL (posts, comments). The rows follow simple formulas, kept
 * here as records, so a test states its expected result in Java, independently of xcluster's merge.
 *
 * <p>Tests may write inside transactions they roll back, or rows they delete again; the loaded rows never
 * change for good. Each {@link #dataSource(String)} writes its own YAML file, so tests choose their pools.
 */
final class SurfaceClusters {
  /**
   * Databases of this JVM only (dropped when it exits): a concurrent run of the suite, e.g. another
   * engineer's {@code mvn test} on the same servers, must not recreate them under this run's statements.
   */
  static final String ACCOUNTS_DB = "xc_surf_" + ProcessHandle.current().pid() + "_accounts";
  static final String CONTENT_DB = "xc_surf_" + ProcessHandle.current().pid() + "_content";
  static final int USERS = 50;
  static final int SUBSCRIPTIONS = 200;
  static final int POSTS = 5_000;
  static final int COMMENTS = 200;
  static final String ROOMY_POOL = "{ maximumPoolSize: 4, connectionTimeout: 5000 }";

  record User(long id, String name, String email, LocalDateTime createdAt, BigDecimal balance) {}

  record Subscription(long id, long userId, String plan, LocalDateTime startedAt, BigDecimal price) {}

  record Post(int id, int subscriptionId, String title, Integer score) {}

  record Comment(int id, int postId, String body) {}

  final List<User> users = IntStream.rangeClosed(1, USERS).mapToObj(SurfaceClusters::user).toList();
  final List<Subscription> subscriptions =
      IntStream.rangeClosed(1, SUBSCRIPTIONS).mapToObj(SurfaceClusters::subscription).toList();
  final List<Post> posts = IntStream.rangeClosed(1, POSTS).mapToObj(SurfaceClusters::post).toList();
  final List<Comment> comments = IntStream.rangeClosed(1, COMMENTS).mapToObj(SurfaceClusters::comment).toList();
  final Map<Long, Subscription> subscriptionById =
      subscriptions.stream().collect(Collectors.toMap(Subscription::id, Function.identity()));

  private final DbServer postgres = DbServers.postgres();
  private final DbServer mysql = DbServers.mysql();

  private static SurfaceClusters shared;

  private SurfaceClusters() {}

  /** The clusters, created and loaded on first use. */
  static synchronized SurfaceClusters shared() {
    if (shared == null) {
      SurfaceClusters clusters = new SurfaceClusters();
      Runtime.getRuntime().addShutdownHook(new Thread(clusters::dropQuietly, "xc-surface-drop"));
      clusters.load();
      shared = clusters;
    }
    return shared;
  }

  private static User user(int id) {
    return new User(id, "user-" + id, id % 5 == 0 ? null : "u" + id + "@example.com",
        LocalDateTime.of(2024, 1, 1, 0, 0).plusDays(id).plusSeconds(id).plusNanos(id * 1_000_000L),
        new BigDecimal(id + ".25"));
  }

  private static Subscription subscription(int id) {
    return new Subscription(id, (id - 1) % USERS + 1, id % 3 == 0 ? "pro" : "free",
        LocalDateTime.of(2024, 3, 1, 12, 0).plusHours(id).plusNanos(id * 1_000_000L),
        new BigDecimal(id % 3 == 0 ? "19.99" : "0.00"));
  }

  private static Post post(int id) {
    return new Post(id, (id - 1) % SUBSCRIPTIONS + 1, "post-" + id, id % 7 == 0 ? null : id % 100);
  }

  /** Comment k is on post 5k - 4 (posts 1, 6, 11, ... 996). */
  private static Comment comment(int id) {
    return new Comment(id, (id - 1) * 5 + 1, "comment-" + id);
  }

  private void load() {
    try {
      postgres.recreateDatabase(ACCOUNTS_DB);
      mysql.recreateDatabase(CONTENT_DB);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the test databases", e);
    }
    try (Connection accounts = accounts(); Connection content = content()) {
      Sql.run(accounts,
          "CREATE TABLE users (id BIGINT PRIMARY KEY, name VARCHAR(50) NOT NULL, email VARCHAR(80),"
              + " created_at TIMESTAMP(3) NOT NULL, balance NUMERIC(12,2) NOT NULL)",
          "CREATE TABLE subscriptions (id BIGINT PRIMARY KEY, user_id BIGINT NOT NULL, plan VARCHAR(20) NOT NULL,"
              + " started_at TIMESTAMP(3) NOT NULL, price NUMERIC(10,2) NOT NULL)",
          "INSERT INTO users VALUES " + values(users, u -> u.id() + ", '" + u.name() + "', "
              + (u.email() == null ? "NULL" : "'" + u.email() + "'") + ", '" + u.createdAt() + "', " + u.balance()),
          "INSERT INTO subscriptions VALUES " + values(subscriptions, s -> s.id() + ", " + s.userId() + ", '"
              + s.plan() + "', '" + s.startedAt() + "', " + s.price()));
      Sql.run(content,
          "CREATE TABLE posts (id INT PRIMARY KEY, subscription_id INT NOT NULL, title VARCHAR(80) NOT NULL,"
              + " score INT)",
          "CREATE TABLE comments (id INT AUTO_INCREMENT PRIMARY KEY, post_id INT NOT NULL, body TEXT)",
          "INSERT INTO posts VALUES " + values(posts, p -> p.id() + ", " + p.subscriptionId() + ", '" + p.title()
              + "', " + (p.score() == null ? "NULL" : p.score())),
          "INSERT INTO comments VALUES " + values(comments, c -> c.id() + ", " + c.postId() + ", '" + c.body() + "'"));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot load the test tables", e);
    }
  }

  private void dropQuietly() {
    try {
      postgres.dropDatabase(ACCOUNTS_DB);
      mysql.dropDatabase(CONTENT_DB);
    } catch (SQLException | RuntimeException ignored) {
      // the servers may already be gone at exit; a leftover database is harmless
    }
  }

  private static <T> String values(List<T> rows, Function<T, String> row) {
    return rows.stream().map(r -> "(" + row.apply(r) + ")").collect(Collectors.joining(", "));
  }

  /**
   * A new DataSource over both clusters, with {@code pool} (a YAML flow map of HikariCP properties) for each
   * cluster's pool; the caller closes it.
   */
  XClusterDataSource dataSource(String pool) {
    return new XClusterDataSource("jdbc:xcluster:" + writeConfig(pool, pool));
  }

  XClusterDataSource dataSource() {
    return dataSource(ROOMY_POOL);
  }

  private Path writeConfig(String accountsPool, String contentPool) {
    String yaml = "clusters:\n"
        + "  accounts:\n"
        + "    url: \"" + postgres.jdbcUrl(ACCOUNTS_DB) + "\"\n"
        + "    username: \"" + postgres.username() + "\"\n"
        + "    password: \"" + Optional.ofNullable(postgres.password()).orElse("") + "\"\n"
        + "    pool: " + accountsPool + "\n"
        + "    tables: [users, subscriptions]\n"
        + "  content:\n"
        + "    url: \"" + mysql.jdbcUrl(CONTENT_DB) + "\"\n"
        + "    username: \"" + mysql.username() + "\"\n"
        + "    password: \"" + Optional.ofNullable(mysql.password()).orElse("") + "\"\n"
        + "    pool: " + contentPool + "\n"
        + "    tables: [posts, comments]\n"
        + "defaultCluster: accounts\n";
    try {
      Path directory = Files.createTempDirectory("xc-surface");
      directory.toFile().deleteOnExit();
      Path config = directory.resolve("xcluster.yaml");
      Files.writeString(config, yaml);
      config.toFile().deleteOnExit();
      return config;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Connection accounts() throws SQLException {
    return postgres.connect(ACCOUNTS_DB);
  }

  Connection content() throws SQLException {
    return mysql.connect(CONTENT_DB);
  }

  // ---- expected results, computed from the formulas --------------------------------------------------

  /** Titles of posts joined to their subscription, kept when both predicates hold, ordered by post id. */
  List<String> titlesWhere(java.util.function.Predicate<Post> post,
      java.util.function.Predicate<Subscription> subscription) {
    List<String> titles = new ArrayList<>();
    for (Post p : posts) {
      if (post.test(p) && subscription.test(subscriptionById.get((long) p.subscriptionId()))) {
        titles.add(p.title());
      }
    }
    return titles;
  }
}
