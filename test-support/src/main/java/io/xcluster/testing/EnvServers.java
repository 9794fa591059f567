package io.xcluster.testing;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Servers named by environment variables: {@code XC_TEST_PG_URL}, {@code XC_TEST_PG_USER} (default
 * {@code postgres}), {@code XC_TEST_PG_PASSWORD} (default empty), and the same with {@code
 * XC_TEST_MYSQL_}. The URL is a server URL as described in {@link ServerUrl}.
 *
 * <p>A URL that is set but does not work is an error, not a reason to fall back: whoever set it
 * expects the tests to run against that server.
 */
final class EnvServers {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private EnvServers() {}

  /**
   * @param env reads an environment variable, {@code null} when unset ({@code System::getenv})
   * @throws ServerUnavailableException if the URL variable is unset or blank
   * @throws IllegalStateException if the URL is set but unusable
   */
  static DbServer find(Dialect dialect, UnaryOperator<String> env)
      throws ServerUnavailableException {
    String prefix = variablePrefix(dialect);
    String url =
        read(env, prefix + "URL")
            .orElseThrow(() -> new ServerUnavailableException(prefix + "URL is not set"));
    String user = read(env, prefix + "USER").orElse(defaultUser(dialect));
    String password = Optional.ofNullable(env.apply(prefix + "PASSWORD")).orElse("");
    try {
      ServerUrl serverUrl = ServerUrl.parse(dialect, url);
      return DbServer.probe(
          "env " + prefix + "URL " + serverUrl.authority(), serverUrl, user, password, TIMEOUT);
    } catch (IllegalArgumentException | SQLException e) {
      throw new IllegalStateException(
          prefix + "URL=" + url + " (user " + user + ") is set but unusable: " + e.getMessage(), e);
    }
  }

  static String variablePrefix(Dialect dialect) {
    return switch (dialect) {
      case POSTGRESQL -> "XC_TEST_PG_";
      case MYSQL -> "XC_TEST_MYSQL_";
    };
  }

  private static String defaultUser(Dialect dialect) {
    return switch (dialect) {
      case POSTGRESQL -> "postgres";
      case MYSQL -> "root";
    };
  }

  private static Optional<String> read(UnaryOperator<String> env, String name) {
    return Optional.ofNullable(env.apply(name)).map(String::trim).filter(value -> !value.isEmpty());
  }
}
