package io.xcluster.driver;

import io.xcluster.testing.DbServer;
import io.xcluster.testing.DbServers;
import io.xcluster.testing.Sql;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Two real clusters for the driver's tests: {@code accounts} on PostgreSQL (users, subscriptions) and
 * {@code content} on MariaDB/MySQL (posts, comments), each a database of its own, described by one YAML file.
 * {@link #reset()} recreates the tables and their rows, so each test starts from the same state.
 */
final class TwoClusters {
  static final String ACCOUNTS_DB = "xc_drv_accounts";
  static final String CONTENT_DB = "xc_drv_content";

  final DbServer postgres = DbServers.postgres();
  final DbServer mysql = DbServers.mysql();
  final Path directory;
  final Path config;

  TwoClusters(Path directory, String extraYaml, String accountsPool) {
    this(directory, extraYaml, accountsPool, true);
  }

  private TwoClusters(Path directory, String extraYaml, String accountsPool, boolean createDatabases) {
    this.directory = directory;
    this.config = directory.resolve("xcluster.yaml");
    try {
      if (createDatabases) {
        postgres.recreateDatabase(ACCOUNTS_DB);
        mysql.recreateDatabase(CONTENT_DB);
      }
      Files.writeString(config, yaml(extraYaml, accountsPool));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the test databases", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (createDatabases) {
      reset();
    }
  }

  /** Another configuration file over the same databases (their tables are left as they are). */
  TwoClusters withConfig(Path otherDirectory, String extraYaml) {
    return new TwoClusters(otherDirectory, extraYaml, "{ maximumPoolSize: 2, connectionTimeout: 2000 }", false);
  }

  /** Another configuration file over the same databases, with the accounts cluster's pool as given. */
  TwoClusters withAccountsPool(Path otherDirectory, String accountsPool) {
    return new TwoClusters(otherDirectory, "defaultCluster: accounts\n", accountsPool, false);
  }

  TwoClusters(Path directory) {
    this(directory, "defaultCluster: accounts\n", "{ maximumPoolSize: 4, connectionTimeout: 2000 }");
  }

  private String yaml(String extraYaml, String accountsPool) {
    return "clusters:\n"
        + "  accounts:\n"
        + "    url: \"" + postgres.jdbcUrl(ACCOUNTS_DB) + "\"\n"
        + "    username: \"" + postgres.username() + "\"\n"
        + "    password: \"" + nullToEmpty(postgres.password()) + "\"\n"
        + "    pool: " + accountsPool + "\n"
        + "    tables: [users, subscriptions, '\"Quoted Accounts\"']\n"
        + "  content:\n"
        + "    url: \"" + mysql.jdbcUrl(CONTENT_DB) + "\"\n"
        + "    username: \"" + mysql.username() + "\"\n"
        + "    password: \"" + nullToEmpty(mysql.password()) + "\"\n"
        + "    pool: { maximumPoolSize: 4, connectionTimeout: 2000 }\n"
        + "    tables: [posts, comments, audit_*]\n"
        + extraYaml;
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }

  String url() {
    return "jdbc:xcluster:" + config;
  }

  void reset() {
    try (Connection accounts = accounts(); Connection content = content()) {
      Sql.run(accounts,
          "DROP TABLE IF EXISTS users, subscriptions, \"Quoted Accounts\"",
          "CREATE TABLE users (id BIGSERIAL PRIMARY KEY, name VARCHAR(50) NOT NULL, email VARCHAR(80),"
              + " created_at TIMESTAMP(3), balance NUMERIC(12,2), active BOOLEAN)",
          "CREATE TABLE subscriptions (id BIGINT PRIMARY KEY, user_id BIGINT NOT NULL, plan VARCHAR(20))",
          "CREATE TABLE \"Quoted Accounts\" (id INT PRIMARY KEY)",
          "INSERT INTO users (name, email, created_at, balance, active) VALUES"
              + " ('Ada', 'ada@example.com', '2024-01-02 03:04:05.678', 10.50, true),"
              + " ('Grace', NULL, '2024-02-03 04:05:06.789', 0.00, false)",
          "INSERT INTO subscriptions VALUES (1, 1, 'pro'), (2, 2, 'free')");
      Sql.run(content,
          "DROP TABLE IF EXISTS posts, comments, audit_log",
          "CREATE TABLE posts (id INT AUTO_INCREMENT PRIMARY KEY, subscription_id INT NOT NULL,"
              + " title VARCHAR(80) NOT NULL, score INT, UNIQUE KEY uq_title (title))",
          "CREATE TABLE comments (id INT PRIMARY KEY, post_id INT NOT NULL, body TEXT)",
          "CREATE TABLE audit_log (id INT AUTO_INCREMENT PRIMARY KEY, event VARCHAR(50))",
          "INSERT INTO posts (subscription_id, title, score) VALUES (1, 'first', 10), (1, 'second', NULL),"
              + " (2, 'third', 30)");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot load the test tables", e);
    }
  }

  Connection accounts() throws SQLException {
    return postgres.connect(ACCOUNTS_DB);
  }

  Connection content() throws SQLException {
    return mysql.connect(CONTENT_DB);
  }

  /** One value read directly from a cluster's database, bypassing xcluster. */
  static Object scalar(Connection direct, String sql) throws SQLException {
    try (direct) {
      var rows = Sql.queryRows(direct, sql);
      return rows.isEmpty() ? null : rows.get(0).get(0);
    }
  }
}
