package io.xcluster.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xcluster.testing.DbServer;
import io.xcluster.testing.DbServers;
import io.xcluster.testing.Sql;
import io.xcluster.testing.TcpProxy;
import io.xcluster.testing.YamlClusters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A read-write transaction whose read cluster dies before commit: commit fails, naming the failure, and the
 * written cluster is rolled back, so no cluster keeps a write of a transaction that did not commit. The
 * read cluster (MariaDB) is reached through a {@link TcpProxy} that cuts its connection.
 */
class TransactionFailureTest {
  private static final Pattern HOST_PORT = Pattern.compile("//([^/:?]+):(\\d+)/");
  @TempDir static Path directory;

  @AfterAll
  static void shutdown() {
    XClusterDriver.shutdown();
  }

  @Test
  void aReadClusterDyingBeforeCommitRollsTheWrittenClusterBack() throws Exception {
    DbServer postgres = DbServers.postgres();
    DbServer mysql = DbServers.mysql();
    postgres.recreateDatabase("xc_drv_txfail_orders");
    mysql.recreateDatabase("xc_drv_txfail_prices");
    try (Connection orders = postgres.connect("xc_drv_txfail_orders");
        Connection prices = mysql.connect("xc_drv_txfail_prices")) {
      Sql.run(orders, "CREATE TABLE orders (id INT PRIMARY KEY, total INT)");
      Sql.run(prices, "CREATE TABLE prices (id INT PRIMARY KEY, amount INT)", "INSERT INTO prices VALUES (1, 30)");
    }
    Matcher address = HOST_PORT.matcher(mysql.jdbcUrl("xc_drv_txfail_prices"));
    assertTrue(address.find());
    try (TcpProxy proxy = TcpProxy.to(address.group(1), Integer.parseInt(address.group(2)))) {
      String pricesUrl = HOST_PORT.matcher(mysql.jdbcUrl("xc_drv_txfail_prices"))
          .replaceFirst("//127.0.0.1:" + proxy.port() + "/");
      Path config = directory.resolve("txfail.yaml");
      Files.writeString(config, "clusters:\n"
          + YamlClusters.entry("sales", postgres.jdbcUrl("xc_drv_txfail_orders"), postgres, "orders")
          + YamlClusters.entry("catalog", pricesUrl, mysql, "prices"));
      try (Connection connection = DriverManager.getConnection("jdbc:xcluster:" + config)) {
        connection.setAutoCommit(false);
        List<List<Object>> price = Sql.rows(connection.createStatement()
            .executeQuery("SELECT amount FROM prices WHERE id = 1"));
        assertEquals(30, ((Number) price.get(0).get(0)).intValue());
        assertEquals(1, connection.createStatement().executeUpdate("INSERT INTO orders VALUES (1, 30)"));
        proxy.cut();
        SQLException failed = assertThrows(SQLException.class, connection::commit);
        assertTrue(failed.getMessage() != null, failed.toString());
      }
    }
    try (Connection orders = postgres.connect("xc_drv_txfail_orders")) {
      assertEquals(List.of(List.of(0L)), Sql.rows(orders.createStatement().executeQuery("SELECT COUNT(*) FROM orders")),
          "the write of the transaction that failed to commit is gone");
    }
  }
}
