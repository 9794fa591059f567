package io.xcluster.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * MySQL and MariaDB make {@code DROP DATABASE} wait for metadata locks that other sessions' open
 * transactions hold, so those sessions are killed first.
 */
final class MysqlAdmin implements DatabaseAdmin {
  private static final int UNKNOWN_THREAD_ID = 1094;

  @Override
  public void drop(Connection admin, String database) throws SQLException {
    for (long sessionId : otherSessions(admin, database)) {
      kill(admin, sessionId);
    }
    try (Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + Dialect.MYSQL.quote(database));
    }
  }

  @Override
  public void create(Connection admin, String database) throws SQLException {
    try (Statement statement = admin.createStatement()) {
      statement.execute(
          "CREATE DATABASE "
              + Dialect.MYSQL.quote(database)
              + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    }
  }

  private static List<Long> otherSessions(Connection admin, String database) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement statement =
        admin.prepareStatement(
            "SELECT id FROM information_schema.processlist"
                + " WHERE db = ? AND id <> CONNECTION_ID()")) {
      statement.setString(1, database);
      try (ResultSet resultSet = statement.executeQuery()) {
        while (resultSet.next()) {
          ids.add(resultSet.getLong(1));
        }
      }
    }
    return ids;
  }

  /** Kills a session; one that ended since it was listed is not an error. */
  private static void kill(Connection admin, long sessionId) throws SQLException {
    try (Statement statement = admin.createStatement()) {
      statement.execute("KILL " + sessionId);
    } catch (SQLException e) {
      if (e.getErrorCode() != UNKNOWN_THREAD_ID) {
        throw e;
      }
    }
  }
}
