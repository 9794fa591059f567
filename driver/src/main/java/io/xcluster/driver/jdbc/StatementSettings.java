package io.xcluster.driver.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What an application set on a Statement before or between executions. The physical statement is created
 * later (on first execution, on the cluster the SQL routes to), so the settings are kept here and applied to
 * it; only those that differ from JDBC's defaults are applied.
 */
final class StatementSettings {
  long maxRows;
  int fetchSize;
  int queryTimeoutSeconds;
  int fetchDirection = ResultSet.FETCH_FORWARD;
  int maxFieldSize;
  Boolean escapeProcessing;
  Boolean poolable;
  String cursorName;

  void applyTo(Statement physical) throws SQLException {
    if (maxRows > 0) {
      if (maxRows > Integer.MAX_VALUE) {
        physical.setLargeMaxRows(maxRows);
      } else {
        physical.setMaxRows((int) maxRows);
      }
    }
    if (fetchSize > 0) {
      physical.setFetchSize(fetchSize);
    }
    if (queryTimeoutSeconds > 0) {
      physical.setQueryTimeout(queryTimeoutSeconds);
    }
    if (fetchDirection != ResultSet.FETCH_FORWARD) {
      physical.setFetchDirection(fetchDirection);
    }
    if (maxFieldSize > 0) {
      physical.setMaxFieldSize(maxFieldSize);
    }
    if (escapeProcessing != null) {
      physical.setEscapeProcessing(escapeProcessing);
    }
    if (poolable != null) {
      physical.setPoolable(poolable);
    }
    if (cursorName != null) {
      physical.setCursorName(cursorName);
    }
  }
}
