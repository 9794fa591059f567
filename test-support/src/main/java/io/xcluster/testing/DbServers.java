package io.xcluster.testing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared database servers of a test JVM, found on first use and kept until the JVM exits.
 *
 * <p>Each dialect's server is looked for once, in the order of {@link ServerSource}: environment
 * variables, local services, Testcontainers, embedded servers (restrict with {@code
 * -Dxcluster.test.servers=...}). The first that answers wins and is announced on standard output in
 * one line, e.g. {@code xcluster test servers: PostgreSQL from local service 127.0.0.1:5432
 * [PostgreSQL 15.20]}. If none answers, every later request fails fast with the reasons each source
 * gave.
 */
public final class DbServers {
  private static final Logger LOG = LoggerFactory.getLogger(DbServers.class);
  private static final Map<Dialect, Discovery> DISCOVERED = new EnumMap<>(Dialect.class);

  private DbServers() {}

  /**
   * The shared PostgreSQL server.
   *
   * @throws IllegalStateException if none can be found
   */
  public static DbServer postgres() {
    return server(Dialect.POSTGRESQL);
  }

  /**
   * The shared MySQL or MariaDB server.
   *
   * @throws IllegalStateException if none can be found
   */
  public static DbServer mysql() {
    return server(Dialect.MYSQL);
  }

  /**
   * The shared server of {@code dialect}.
   *
   * @throws IllegalStateException if none can be found, with the reason each source gave
   */
  public static DbServer server(Dialect dialect) {
    Discovery discovery = discovery(dialect);
    return discovery.server().orElseThrow(() -> new IllegalStateException(discovery.failure()));
  }

  /** The shared server of {@code dialect}, or empty if none can be found (for test assumptions). */
  public static Optional<DbServer> find(Dialect dialect) {
    return discovery(dialect).server();
  }

  private static synchronized Discovery discovery(Dialect dialect) {
    return DISCOVERED.computeIfAbsent(dialect, DbServers::discover);
  }

  private static Discovery discover(Dialect dialect) {
    List<String> reasons = new ArrayList<>();
    try {
      for (ServerSource source : ServerSource.selected()) {
        try {
          DbServer server = find(source, dialect);
          System.out.println("xcluster test servers: " + server + " [" + server.version() + "]");
          return new Discovery(Optional.of(server), "");
        } catch (ServerUnavailableException e) {
          LOG.info("No {} server from {}: {}", dialect.displayName(), source.key(), e.getMessage());
          reasons.add(source.key() + ": " + e.getMessage());
        }
      }
    } catch (RuntimeException e) {
      reasons.add(e.getMessage());
    }
    return new Discovery(
        Optional.empty(),
        "No "
            + dialect.displayName()
            + " server for the tests ("
            + String.join("; ", reasons)
            + "). Start a local service, set "
            + EnvServers.variablePrefix(dialect)
            + "URL, or allow the embedded fallback.");
  }

  private static DbServer find(ServerSource source, Dialect dialect)
      throws ServerUnavailableException {
    return switch (source) {
      case ENV -> EnvServers.find(dialect, System::getenv);
      case LOCAL -> LocalServers.find(dialect);
      case TESTCONTAINERS -> ContainerServers.start(dialect);
      case EMBEDDED -> EmbeddedServers.find(dialect);
    };
  }

  /** The outcome of looking for one dialect's server; {@code failure} is empty on success. */
  private record Discovery(Optional<DbServer> server, String failure) {}
}
