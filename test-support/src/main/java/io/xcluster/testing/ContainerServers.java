package io.xcluster.testing;

import java.sql.SQLException;
import java.time.Duration;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.mysql.MySQLContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Throwaway servers in Docker containers: {@code postgres:16} and {@code mysql:8.0}. Tried only
 * when a Docker engine answers; the containers stop at JVM exit (and Testcontainers' reaper
 * removes them should the JVM die).
 */
final class ContainerServers {
  static final String POSTGRES_IMAGE = "postgres:16";
  static final String MYSQL_IMAGE = "mysql:8.0";
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);

  private ContainerServers() {}

  static DbServer start(Dialect dialect) throws ServerUnavailableException {
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      throw new ServerUnavailableException("no Docker engine answers");
    }
    return switch (dialect) {
      case POSTGRESQL -> start(
          dialect, new PostgreSQLContainer(POSTGRES_IMAGE), PostgreSQLContainer.POSTGRESQL_PORT);
      case MYSQL -> start(
          dialect,
          new MySQLContainer(MYSQL_IMAGE).withUsername("root").withPassword("xcluster"),
          MySQLContainer.MYSQL_PORT);
    };
  }

  private static DbServer start(
      Dialect dialect, JdbcDatabaseContainer<?> container, int containerPort)
      throws ServerUnavailableException {
    String image = container.getDockerImageName();
    try {
      container.start();
      ServerShutdown.atExit(image + " container", container::stop);
      ServerUrl url =
          ServerUrl.of(dialect, container.getHost(), container.getMappedPort(containerPort));
      return DbServer.probe(
          "Testcontainers " + image,
          url,
          container.getUsername(),
          container.getPassword(),
          PROBE_TIMEOUT);
    } catch (RuntimeException | SQLException e) {
      container.stop();
      throw new ServerUnavailableException("container " + image + " did not start", e);
    }
  }
}
