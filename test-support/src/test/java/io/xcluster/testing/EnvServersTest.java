package io.xcluster.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EnvServersTest {

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void unsetUrlMeansTryTheNextSource(Dialect dialect) {
    ServerUnavailableException e =
        assertThrows(
            ServerUnavailableException.class, () -> EnvServers.find(dialect, name -> null));

    assertTrue(e.getMessage().contains(EnvServers.variablePrefix(dialect) + "URL"));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void urlWithMaintenanceDatabaseFindsTheServer(Dialect dialect) throws Exception {
    DbServer known = DbServers.server(dialect);
    String maintenance = dialect == Dialect.POSTGRESQL ? "postgres" : "mysql";
    String prefix = EnvServers.variablePrefix(dialect);
    Map<String, String> env =
        Map.of(
            prefix + "URL", known.jdbcUrl(maintenance),
            prefix + "USER", known.username(),
            prefix + "PASSWORD", known.password());

    DbServer server = EnvServers.find(dialect, env::get);

    assertTrue(server.source().startsWith("env " + prefix + "URL "), server.source());
    assertEquals(known.jdbcUrl("xc_t_env"), server.jdbcUrl("xc_t_env"));
    assertEquals(known.version(), server.version());
  }

  @Test
  void unusableUrlIsAnErrorNotAFallback() {
    Map<String, String> env = Map.of("XC_TEST_PG_URL", "jdbc:mysql://127.0.0.1:1/");

    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> EnvServers.find(Dialect.POSTGRESQL, env::get));

    assertTrue(e.getMessage().startsWith("XC_TEST_PG_URL=jdbc:mysql://127.0.0.1:1/"));
  }
}
