package io.xcluster.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL refuses to drop a database that has sessions, so other sessions are terminated first;
 * on PostgreSQL 13 and later {@code WITH (FORCE)} also closes sessions that connect in between.
 * Databases are created from {@code template0}, which nobody can be connected to, so creation never
 * fails because a session is using {@code template1}.
 */
final class PostgresAdmin implements DatabaseAdmin {
  private static final int FIRST_VERSION_WITH_FORCE = 13;

  @Override
  public void drop(Connection admin, String database) throws SQLException {
    terminateOtherSessions(admin, database);
    boolean force = admin.getMetaData().getDatabaseMajorVersion() >= FIRST_VERSION_WITH_FORCE;
    String sql = "DROP DATABASE IF EXISTS " + Dialect.POSTGRESQL.quote(database);
    try (Statement statement = admin.createStatement()) {
      statement.execute(force ? sql + " WITH (FORCE)" : sql);
    }
  }

  @Override
  public void create(Connection admin, String database) throws SQLException {
    try (Statement statement = admin.createStatement()) {
      statement.execute(
          "CREATE DATABASE "
              + Dialect.POSTGRESQL.quote(database)
              + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
    }
  }

  private static void terminateOtherSessions(Connection admin, String database)
      throws SQLException {
    try (PreparedStatement statement =
        admin.prepareStatement(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                + " WHERE datname = ? AND pid <> pg_backend_pid()")) {
      statement.setString(1, database);
      statement.executeQuery().close();
    }
  }
}
