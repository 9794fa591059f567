package io.xcluster.driver.result;

import java.sql.SQLException;

/**
 * A row source's current row still sitting in a cluster's result: typed getters read it there, without boxing
 * each value into the object {@code getObject} would make. Only for columns whose Java class (as the cluster's
 * driver describes it) is the getter's own type, so that the cluster's driver answers exactly what converting
 * its {@code getObject} value would. Columns count from 0, as in {@link RowSource#value}.
 */
public interface LiveRow {
  long getLong(int column) throws SQLException;

  int getInt(int column) throws SQLException;

  String getString(int column) throws SQLException;

  /** Whether the last typed read found SQL NULL. */
  boolean wasNull() throws SQLException;
}
