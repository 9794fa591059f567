package io.xcluster.testing;

import java.time.Duration;
import java.util.Map;

/**
 * Driver properties that bound how long a connection attempt may take, so that probing a server
 * that is down costs seconds, not the drivers' default minutes. Set per connection rather than
 * through {@code DriverManager.setLoginTimeout}, which is global to the JVM.
 */
final class ConnectTimeouts {
  private ConnectTimeouts() {}

  static Map<String, String> forDialect(Dialect dialect, Duration timeout) {
    long seconds = Math.max(1, timeout.toSeconds());
    return switch (dialect) {
      case POSTGRESQL -> Map.of(
          "connectTimeout", Long.toString(seconds),
          "loginTimeout", Long.toString(seconds),
          "socketTimeout", Long.toString(seconds));
      case MYSQL -> Map.of(
          "connectTimeout", Long.toString(timeout.toMillis()),
          "socketTimeout", Long.toString(timeout.toMillis()));
    };
  }
}
