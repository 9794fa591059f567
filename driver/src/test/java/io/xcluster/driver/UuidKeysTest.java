package io.xcluster.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.xcluster.testing.DbServer;
import io.xcluster.testing.DbServers;
import io.xcluster.testing.Sql;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * UUID join keys across engines: PostgreSQL's uuid (java.util.UUID) and MySQL's CHAR(36) text of the same
 * UUID are one key, whichever side is read first and whichever side is bound.
 */
class UuidKeysTest {
  private static final String ACCOUNTS = "xc_drv_uuid_pg";
  private static final String DEVICES = "xc_drv_uuid_my";
  @TempDir static Path directory;
  static String url;

  @BeforeAll
  static void createClusters() throws Exception {
    DbServer postgres = DbServers.postgres();
    DbServer mysql = DbServers.mysql();
    postgres.recreateDatabase(ACCOUNTS);
    mysql.recreateDatabase(DEVICES);
    try (Connection pg = postgres.connect(ACCOUNTS); Connection my = mysql.connect(DEVICES)) {
      Sql.run(pg, "CREATE TABLE accounts (id UUID PRIMARY KEY, name TEXT)",
          "INSERT INTO accounts VALUES ('0a1b2c3d-0000-4000-8000-000000000001', 'ada'),"
              + " ('0a1b2c3d-0000-4000-8000-000000000002', 'grace'), ('0a1b2c3d-0000-4000-8000-000000000003', 'linus')");
      Sql.run(my, "CREATE TABLE devices (id INT PRIMARY KEY, account_id CHAR(36), model VARCHAR(20))",
          "INSERT INTO devices VALUES (1, '0a1b2c3d-0000-4000-8000-000000000001', 'phone'),"
              + " (2, '0a1b2c3d-0000-4000-8000-000000000001', 'laptop'), (3, '0a1b2c3d-0000-4000-8000-000000000003', 'tablet'),"
              + " (4, NULL, 'spare')");
    }
    Path config = directory.resolve("xcluster.yaml");
    Files.writeString(config, "clusters:\n"
        + "  accounts:\n    url: \"" + postgres.jdbcUrl(ACCOUNTS) + "\"\n    username: \"" + postgres.username()
        + "\"\n    password: \"\"\n    tables: [accounts]\n"
        + "  devices:\n    url: \"" + mysql.jdbcUrl(DEVICES) + "\"\n    username: \"" + mysql.username()
        + "\"\n    password: \"\"\n    tables: [devices]\n");
    url = "jdbc:xcluster:" + config;
  }

  @AfterAll
  static void shutdown() {
    XClusterDriver.shutdown();
  }

  private static List<List<Object>> query(String sql) throws Exception {
    try (Connection connection = DriverManager.getConnection(url)) {
      return Sql.queryRows(connection, sql);
    }
  }

  @Test
  void postgresUuidsBoundIntoMysqlText() throws Exception {
    assertEquals(List.of(List.of("ada", "laptop"), List.of("ada", "phone"), List.of("linus", "tablet")),
        query("SELECT a.name, d.model FROM accounts a JOIN devices d ON d.account_id = a.id"
            + " WHERE a.name <> 'nobody' ORDER BY a.name, d.model"));
  }

  @Test
  void mysqlTextBoundIntoPostgresUuids() throws Exception {
    assertEquals(List.of(List.of("laptop", "ada"), List.of("phone", "ada"), List.of("tablet", "linus")),
        query("SELECT d.model, a.name FROM devices d JOIN accounts a ON a.id = d.account_id"
            + " WHERE d.id < 100 ORDER BY d.model"));
  }

  @Test
  void leftJoinKeepsDevicesWithoutAccounts() throws Exception {
    assertEquals(4, query("SELECT d.model, a.name FROM devices d LEFT JOIN accounts a ON a.id = d.account_id").size());
  }
}
