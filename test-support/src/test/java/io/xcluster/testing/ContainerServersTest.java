package io.xcluster.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/**
 * The Testcontainers source: PostgreSQL 16 and MySQL 8 in Docker. It runs wherever a Docker engine answers
 * and is skipped, loudly, where none does (as on the project's own machines, which run the local services
 * instead). To run the whole suite on containers: {@code mvn verify -Dxcluster.test.servers=testcontainers}.
 */
class ContainerServersTest {

  @BeforeAll
  static void requireDocker() {
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      String why = "SKIPPED: no Docker engine answers here, so the Testcontainers servers (postgres:16, mysql:8.0)"
          + " were not exercised; the other tests use the local or embedded servers";
      System.err.println("xcluster test servers: " + why);
      Assumptions.abort(why);
    }
  }

  @Test
  void postgresContainerServesDatabases() throws Exception {
    roundTrip(ContainerServers.start(Dialect.POSTGRESQL));
  }

  @Test
  void mysqlContainerServesDatabases() throws Exception {
    roundTrip(ContainerServers.start(Dialect.MYSQL));
  }

  private static void roundTrip(DbServer server) throws SQLException {
    assertTrue(server.source().startsWith("Testcontainers"), server.source());
    server.recreateDatabase("xc_t_container");
    try (Connection connection = server.connect("xc_t_container")) {
      Sql.run(connection, "CREATE TABLE t (id INT PRIMARY KEY)", "INSERT INTO t VALUES (7)");
      assertEquals(7, ((Number) Sql.queryRows(connection, "SELECT id FROM t").get(0).get(0)).intValue());
    } finally {
      server.dropDatabase("xc_t_container");
    }
  }
}
