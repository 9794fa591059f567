package io.xcluster.testing;

import java.util.Map;

/**
 * The database engines the test rig can provide. {@link #MYSQL} covers both MySQL and MariaDB: the
 * driver talks to either through mysql-connector-j.
 */
public enum Dialect {
  POSTGRESQL(
      "PostgreSQL",
      "jdbc:postgresql:",
      "postgres",
      '"',
      Map.of(),
      "SELECT 'PostgreSQL ' || current_setting('server_version')"),
  MYSQL(
      "MySQL",
      "jdbc:mysql:",
      "",
      '`',
      Map.of("sslMode", "DISABLED", "allowPublicKeyRetrieval", "true"),
      "SELECT CONCAT(IF(VERSION() LIKE '%MariaDB%', 'MariaDB ', 'MySQL '), VERSION())");

  private final String displayName;
  private final String urlScheme;
  private final String maintenanceDatabase;
  private final char identifierQuote;
  private final Map<String, String> defaultUrlParameters;
  private final String versionQuery;

  Dialect(
      String displayName,
      String urlScheme,
      String maintenanceDatabase,
      char identifierQuote,
      Map<String, String> defaultUrlParameters,
      String versionQuery) {
    this.displayName = displayName;
    this.urlScheme = urlScheme;
    this.maintenanceDatabase = maintenanceDatabase;
    this.identifierQuote = identifierQuote;
    this.defaultUrlParameters = defaultUrlParameters;
    this.versionQuery = versionQuery;
  }

  /** Human name for log lines and messages. */
  public String displayName() {
    return displayName;
  }

  /** The JDBC URL prefix up to and including the sub-protocol colon, e.g. {@code jdbc:mysql:}. */
  public String urlScheme() {
    return urlScheme;
  }

  /**
   * The database an administrative connection opens when no test database is named: {@code
   * postgres} on PostgreSQL, none (the empty string) on MySQL.
   */
  String maintenanceDatabase() {
    return maintenanceDatabase;
  }

  /**
   * Parameters every URL for this dialect carries unless the server URL overrides them. For MySQL:
   * plain-text connections (test servers have no certificates) and RSA key retrieval, which
   * {@code caching_sha2_password} needs over plain text on MySQL 8.
   */
  Map<String, String> defaultUrlParameters() {
    return defaultUrlParameters;
  }

  /** A query returning one row: product name and version, e.g. {@code MariaDB 10.11.19-MariaDB}. */
  String versionQuery() {
    return versionQuery;
  }

  /** Quotes an identifier that {@link DatabaseNames#requireSimple} has already validated. */
  String quote(String simpleIdentifier) {
    return identifierQuote + simpleIdentifier + identifierQuote;
  }
}
