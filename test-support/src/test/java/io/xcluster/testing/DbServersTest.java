package io.xcluster.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DbServersTest {

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void serverIsDiscoveredOnceAndAnswers(Dialect dialect) throws Exception {
    DbServer server = DbServers.server(dialect);

    assertSame(server, DbServers.server(dialect));
    assertEquals(dialect, server.dialect());
    String database = "xc_t_discovery";
    server.recreateDatabase(database);
    try (Connection connection = server.connect(database)) {
      List<List<Object>> rows = Sql.queryRows(connection, "SELECT 1");
      assertEquals(1, ((Number) rows.get(0).get(0)).intValue());
    } finally {
      server.dropDatabase(database);
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void localServiceWinsWhenItListens(Dialect dialect) {
    int port = dialect == Dialect.POSTGRESQL ? 5432 : 3306;
    assumeTrue(System.getProperty(ServerSource.PROPERTY, "").isBlank(), "sources are forced");
    assumeTrue(
        System.getenv(EnvServers.variablePrefix(dialect) + "URL") == null, "env var is set");
    assumeTrue(listens(port), "nothing listens on 127.0.0.1:" + port);

    assertEquals("local service 127.0.0.1:" + port, DbServers.server(dialect).source());
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void probingLocalServiceTakesLessThanTwoSeconds(Dialect dialect) throws Exception {
    assumeTrue(listens(dialect == Dialect.POSTGRESQL ? 5432 : 3306), "no local service");

    long start = System.nanoTime();
    DbServer server = LocalServers.find(dialect);
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertTrue(millis < 2_000, "local discovery took " + millis + " ms");
    assertTrue(server.version().startsWith(dialect == Dialect.POSTGRESQL ? "PostgreSQL" : "M"));
  }

  @Test
  void mysqlUrlsDisableTlsAndAllowKeyRetrieval() {
    String url = DbServers.mysql().jdbcUrl("xc_t_any");

    assertTrue(url.startsWith("jdbc:mysql://"), url);
    assertTrue(url.contains("/xc_t_any?"), url);
    assertTrue(url.contains("sslMode=DISABLED"), url);
    assertTrue(url.contains("allowPublicKeyRetrieval=true"), url);
  }

  private static boolean listens(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
