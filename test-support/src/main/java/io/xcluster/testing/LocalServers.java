package io.xcluster.testing;

import java.sql.SQLException;
import java.time.Duration;

/**
 * Servers installed on this machine at their standard ports with passwordless administrator
 * logins: PostgreSQL at 127.0.0.1:5432 (user {@code postgres}, trust authentication) and MySQL or
 * MariaDB at 127.0.0.1:3306 (user {@code root}, empty password). A refused connection fails at
 * once; a silent port costs at most {@link #TIMEOUT}.
 */
final class LocalServers {
  static final Duration TIMEOUT = Duration.ofSeconds(2);
  private static final String HOST = "127.0.0.1";

  private LocalServers() {}

  static DbServer find(Dialect dialect) throws ServerUnavailableException {
    ServerUrl url = ServerUrl.of(dialect, HOST, port(dialect));
    String source = "local service " + url.authority();
    try {
      return DbServer.probe(source, url, user(dialect), "", TIMEOUT);
    } catch (SQLException e) {
      throw new ServerUnavailableException("no " + source, e);
    }
  }

  private static int port(Dialect dialect) {
    return switch (dialect) {
      case POSTGRESQL -> 5432;
      case MYSQL -> 3306;
    };
  }

  private static String user(Dialect dialect) {
    return switch (dialect) {
      case POSTGRESQL -> "postgres";
      case MYSQL -> "root";
    };
  }
}
