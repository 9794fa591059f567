package io.xcluster.driver.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The result-set type, concurrency and holdability an application asked for; the physical statement is
 * created with the same, so the cluster's driver gives the application what it asked for (or its own error).
 *
 * @param holdability {@link #DRIVER_DEFAULT} when not specified
 */
record StatementShape(int type, int concurrency, int holdability) {
  static final int DRIVER_DEFAULT = -1;
  static final StatementShape DEFAULT =
      new StatementShape(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY, DRIVER_DEFAULT);

  Statement createOn(Connection physical) throws SQLException {
    if (this.equals(DEFAULT)) {
      return physical.createStatement();
    }
    return holdability == DRIVER_DEFAULT
        ? physical.createStatement(type, concurrency)
        : physical.createStatement(type, concurrency, holdability);
  }

  PreparedStatement prepareOn(Connection physical, String sql) throws SQLException {
    if (this.equals(DEFAULT)) {
      return physical.prepareStatement(sql);
    }
    return holdability == DRIVER_DEFAULT
        ? physical.prepareStatement(sql, type, concurrency)
        : physical.prepareStatement(sql, type, concurrency, holdability);
  }

  java.sql.CallableStatement prepareCallOn(Connection physical, String sql) throws SQLException {
    if (this.equals(DEFAULT)) {
      return physical.prepareCall(sql);
    }
    return holdability == DRIVER_DEFAULT
        ? physical.prepareCall(sql, type, concurrency)
        : physical.prepareCall(sql, type, concurrency, holdability);
  }
}
