package io.xcluster.driver.runtime;

import io.xcluster.rewriter.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * How a cluster's database orders text by default, as far as in-memory sorting cares: whether its collation
 * is code-point order (PostgreSQL's C, POSIX and C.UTF-8; MySQL's binary and *_bin collations; H2), which is
 * the order xcluster uses when it sorts text in memory.
 *
 * @param name the collation's name as the database reports it
 * @param codePoint whether it orders text by code point
 */
public record TextCollation(String name, boolean codePoint) {

  /** Asks the database of {@code physical}, a connection of a cluster of {@code dialect}. */
  static TextCollation of(Dialect dialect, Connection physical) throws SQLException {
    return switch (dialect) {
      case POSTGRESQL -> postgres(ask(physical, "SELECT datcollate FROM pg_database WHERE datname = current_database()"));
      case MYSQL -> mysql(ask(physical, "SELECT @@collation_database"));
      case H2 -> new TextCollation("H2 default", true);
      case OTHER -> new TextCollation("unknown", false);
    };
  }

  private static TextCollation postgres(String name) {
    boolean codePoint = name.equals("C") || name.equals("POSIX") || name.toUpperCase(Locale.ROOT).startsWith("C.");
    return new TextCollation(name, codePoint);
  }

  private static TextCollation mysql(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return new TextCollation(name, lower.equals("binary") || lower.endsWith("_bin"));
  }

  private static String ask(Connection physical, String sql) throws SQLException {
    try (Statement statement = physical.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      return rows.next() && rows.getString(1) != null ? rows.getString(1) : "unknown";
    }
  }
}
