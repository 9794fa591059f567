package io.xcluster.driver.result;

import java.sql.SQLException;

/**
 * Where a result set stands among its rows, and the rows it can reach. The two kinds differ only in
 * movement: {@link ForwardCursor} streams and refuses every scroll method with the same
 * "forward-only" error (SQLState 24000); {@link ScrollCursor} holds every row.
 */
abstract class Cursor {

  /** Moves to the next row; false when there is none. */
  abstract boolean next() throws SQLException;

  /** Whether there is a current row whose values can be read. */
  abstract boolean onRow();

  /** The current row's value of {@code column} (from 0); only when {@link #onRow()}. */
  abstract Object value(int column) throws SQLException;

  /** The current row in its cluster's result, for typed reads of {@code column}; null when only in memory. */
  LiveRow live(int column) {
    return null;
  }

  /** Where the cursor is when it is on no row, for the error message: "before the first row". */
  abstract String offRow();

  /** Frees the row source; called once. */
  abstract void close();

  abstract void fetchSizeHint(int rows);

  boolean previous() throws SQLException {
    throw ResultErrors.forwardOnly("previous()");
  }

  boolean first() throws SQLException {
    throw ResultErrors.forwardOnly("first()");
  }

  boolean last() throws SQLException {
    throw ResultErrors.forwardOnly("last()");
  }

  boolean absolute(int row) throws SQLException {
    throw ResultErrors.forwardOnly("absolute(int)");
  }

  boolean relative(int rows) throws SQLException {
    throw ResultErrors.forwardOnly("relative(int)");
  }

  void beforeFirst() throws SQLException {
    throw ResultErrors.forwardOnly("beforeFirst()");
  }

  void afterLast() throws SQLException {
    throw ResultErrors.forwardOnly("afterLast()");
  }

  boolean isBeforeFirst() throws SQLException {
    throw ResultErrors.forwardOnly("isBeforeFirst()");
  }

  boolean isAfterLast() throws SQLException {
    throw ResultErrors.forwardOnly("isAfterLast()");
  }

  boolean isFirst() throws SQLException {
    throw ResultErrors.forwardOnly("isFirst()");
  }

  boolean isLast() throws SQLException {
    throw ResultErrors.forwardOnly("isLast()");
  }

  int row() throws SQLException {
    throw ResultErrors.forwardOnly("getRow()");
  }
}
