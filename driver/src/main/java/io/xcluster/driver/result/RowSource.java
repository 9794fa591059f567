package io.xcluster.driver.result;

import java.sql.SQLException;
import java.util.List;

/**
 * The engine side of a synthetic result: rows merged in memory, read one at a time. It knows
 * nothing of JDBC's cursor rules, labels or conversions; {@link XClusterResultSet} adds those.
 *
 * <p>Values are the objects the clusters' drivers returned from {@code getObject} (or computed
 * values of the same kinds), {@code null} for SQL NULL. The result set copies mutable values (byte
 * arrays, {@code java.sql} dates) before handing them out, so a source may share them between rows.
 */
public interface RowSource extends AutoCloseable {

  /** Moves to the next row; false, and no current row, once the rows are exhausted. */
  boolean next() throws SQLException;

  /**
   * The current row's value of {@code column}, counted from 0; only valid after {@code next}. A source that
   * reads the value from its cluster only now may fail here.
   */
  Object value(int column) throws SQLException;

  /**
   * The current row as its cluster's result holds it, when {@code column} can be read there with typed
   * getters; null (the default) when the value is only in memory. Valid until the next {@code next}.
   */
  default LiveRow live(int column) {
    return null;
  }

  /** Releases what the source holds. Called once, by the result set's own close. */
  @Override
  void close();

  /**
   * The application's {@code setFetchSize}: how many rows it expects to read at a time. A source
   * that streams from the clusters may pass it on; the default ignores it.
   */
  default void fetchSizeHint(int rows) {}

  /**
   * Rows already in memory. The list is copied, the arrays are not: the caller hands them over and
   * must not change them afterwards.
   */
  static RowSource of(List<Object[]> rows) {
    return new ListRowSource(List.copyOf(rows));
  }
}
