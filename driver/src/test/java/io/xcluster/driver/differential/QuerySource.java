package io.xcluster.driver.differential;

import io.xcluster.driver.XClusterDataSource;
import io.xcluster.testing.Dialect;
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
  /** Each statement's fetch size (0: the driver's default). */
  private final int fetchSize;
  /** What the source owns besides its connection, closed with it: an xcluster runtime of its own. */
  private final Runnable closeOwned;
  private Connection connection;

  QuerySource(String name, Opener opener) {
    this(name, opener, 0, () -> { });
  }

  private QuerySource(String name, Opener opener, int fetchSize, Runnable closeOwned) {
    this.name = name;
    this.opener = opener;
    this.fetchSize = fetchSize;
    this.closeOwned = closeOwned;
  }

  /** xcluster over the topology's split clusters. */
  static QuerySource xcluster(LoadedTopology loaded) {
    return new QuerySource("xcluster", () -> DriverManager.getConnection(loaded.jdbcUrl()));
  }

  /**
   * xcluster as an application streaming large results configures it: each query in a transaction of its own
   * with {@code setFetchSize(2)}, MySQL servers with {@code useCursorFetch=true}, and {@code
   * hashJoinThreshold=2}, so that most bound fetches with filters of their own run unbound, read through the
   * drivers' cursors where streamed. {@code listener} hears every physical query.
   */
  static QuerySource xclusterThroughCursors(LoadedTopology loaded, io.xcluster.driver.QueryListener listener)
      throws java.io.IOException {
    String url = loaded.jdbcUrlWithServerParameters(Dialect.MYSQL, "useCursorFetch=true") + "?hashJoinThreshold=2";
    XClusterDataSource runtime = new XClusterDataSource(url); // its pools close with the source
    return new QuerySource("xcluster through cursors", () -> {
      Connection connection = runtime.getConnection();
      connection.setAutoCommit(false);
      connection.unwrap(io.xcluster.driver.jdbc.XClusterConnection.class).addQueryListener(listener);
      return connection;
    }, 2, runtime::close);
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

  /**
   * Runs {@code sql} as {@code query} says (Statement or PreparedStatement with its params); a connection
   * without auto-commit ends its transaction after the query, committing or, after a failure, rolling back.
   */
  ResultTable run(String sql, DiffQuery query) throws SQLException {
    Connection open = connection();
    if (open.getAutoCommit()) {
      return read(open, sql, query);
    }
    try {
      ResultTable rows = read(open, sql, query);
      open.commit();
      return rows;
    } catch (SQLException | RuntimeException failure) {
      open.rollback();
      throw failure;
    }
  }

  private ResultTable read(Connection open, String sql, DiffQuery query) throws SQLException {
    if (!query.prepared()) {
      try (Statement statement = open.createStatement()) {
        statement.setFetchSize(fetchSize);
        try (ResultSet resultSet = statement.executeQuery(sql)) {
          return ResultTable.read(resultSet);
        }
      }
    }
    try (PreparedStatement statement = open.prepareStatement(sql)) {
      statement.setFetchSize(fetchSize);
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
    try {
      if (connection != null) {
        connection.close();
        connection = null;
      }
    } finally {
      closeOwned.run();
    }
  }
}
