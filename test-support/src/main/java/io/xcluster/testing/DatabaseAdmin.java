package io.xcluster.testing;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Creates and drops databases over an administrative connection. Callers pass names already checked
 * by {@link DatabaseNames#requireSimple}.
 */
interface DatabaseAdmin {
  static DatabaseAdmin forDialect(Dialect dialect) {
    return switch (dialect) {
      case POSTGRESQL -> new PostgresAdmin();
      case MYSQL -> new MysqlAdmin();
    };
  }

  /** Disconnects every other session using {@code database}, then drops it if it exists. */
  void drop(Connection admin, String database) throws SQLException;

  /** Creates {@code database} with byte-wise text comparison. */
  void create(Connection admin, String database) throws SQLException;
}
