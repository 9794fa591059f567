package io.xcluster.driver.differential;

import io.xcluster.testing.LoadedTopology;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * One side of a differential comparison: a named connection, opened on first use and reopened if
 * something closed it (another test class may shut the xcluster driver down between two tests).
 */
final class QuerySource implements AutoCloseable {
  /** Opens a new connection. */
  @FunctionalInterface
  interface Opener {
    Connection open() throws SQLException;
  }

  private final String name;
  private final Opener opener;
  private Connection connection;

  QuerySource(String name, Opener opener) {
    this.name = name;
    this.opener = opener;
  }

  /** xcluster over the topology's split clusters. */
  static QuerySource xcluster(LoadedTopology loaded) {
    return new QuerySource("xcluster", () -> DriverManager.getConnection(loaded.jdbcUrl()));
  }

  /** The colocated database that holds every table, connected directly. */
  static QuerySource colocated(LoadedTopology loaded) {
    return new QuerySource(
        "colocated "
            + loaded.topology().colocated().dialect().displayName()
            + " "
            + loaded.topology().colocated().database(),
        loaded::connectColocated);
  }

  /** One cluster's own database, connected directly (not through xcluster). */
  static QuerySource cluster(LoadedTopology loaded, String cluster) {
    return new QuerySource(
        "cluster " + cluster + " " + loaded.topology().cluster(cluster).dialect().displayName(),
        () -> loaded.connect(cluster));
  }

  String name() {
    return name;
  }

  /** Runs {@code sql} as {@code query} says (Statement or PreparedStatement with its params). */
  ResultTable run(String sql, DiffQuery query) throws SQLException {
    Connection open = connection();
    if (!query.prepared()) {
      try (Statement statement = open.createStatement();
          ResultSet resultSet = statement.executeQuery(sql)) {
        return ResultTable.read(resultSet);
      }
    }
    try (PreparedStatement statement = open.prepareStatement(sql)) {
      List<Param> params = query.params();
      for (int index = 0; index < params.size(); index++) {
        params.get(index).binder().bind(statement, index + 1);
      }
      try (ResultSet resultSet = statement.executeQuery()) {
        return ResultTable.read(resultSet);
      }
    }
  }

  private Connection connection() throws SQLException {
    if (connection == null || connection.isClosed()) {
      connection = opener.open();
    }
    return connection;
  }

  @Override
  public void close() throws SQLException {
    if (connection != null) {
      connection.close();
      connection = null;
    }
  }
}
