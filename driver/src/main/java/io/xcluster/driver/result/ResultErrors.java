package io.xcluster.driver.result;

import io.xcluster.driver.jdbc.SqlExceptions;
import io.xcluster.error.SqlState;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.util.List;
import java.util.StringJoiner;

/**
 * The exceptions of the synthetic result set. States that {@link SqlState} already knows go through
 * {@link SqlExceptions}; the three it lacks are defined here, once, until it gains them.
 */
final class ResultErrors {
  /** No current row: before the first, after the last, or a scroll call on a forward-only set. */
  static final String INVALID_CURSOR_STATE = "24000";

  /** A value too large or too small for the Java type asked for, or NaN/Infinity as a number. */
  static final String NUMERIC_VALUE_OUT_OF_RANGE = "22003";

  /** A value that has no meaning as the Java type asked for. */
  static final String INVALID_CHARACTER_VALUE_FOR_CAST = "22018";

  /** Labels listed at most in an unknown-label message; wide results are cut short. */
  private static final int LABELS_SHOWN = 40;

  private ResultErrors() {}

  static SQLException closed() {
    return SqlExceptions.of(SqlState.OBJECT_NOT_IN_STATE, "this result set is closed");
  }

  /**
   * A move after reading the rows failed: the source gave up there, and answering "no more rows" would
   * silently cut the result short.
   */
  static SQLException failedEarlier(Exception cause) {
    String state = cause instanceof SQLException sql && sql.getSQLState() != null
        ? " (SQLState " + sql.getSQLState() + ")" : "";
    return SqlExceptions.of(SqlState.OBJECT_NOT_IN_STATE, "reading this result's rows failed" + state + ": "
        + cause.getMessage() + "; the rows after the failure cannot be read. Fix: run the statement again", cause);
  }

  static SQLException noCurrentRow(String where) {
    return new SQLException(
        "there is no current row: the cursor is " + where, INVALID_CURSOR_STATE);
  }

  static SQLException forwardOnly(String method) {
    return new SQLException(
        method
            + " needs a scrollable result set but this one is forward-only (TYPE_FORWARD_ONLY); "
            + "create the statement with ResultSet.TYPE_SCROLL_INSENSITIVE",
        INVALID_CURSOR_STATE);
  }

  static SQLException badIndex(int index, int columnCount) {
    return SqlExceptions.of(
        SqlState.INVALID_PARAMETER,
        "column index "
            + index
            + " is out of range: this result has "
            + columnCount
            + (columnCount == 1 ? " column" : " columns")
            + ", numbered from 1");
  }

  static SQLException unknownLabel(String label, List<ColumnMeta> columns) {
    StringJoiner labels = new StringJoiner(", ");
    columns.stream().limit(LABELS_SHOWN).forEach(column -> labels.add(column.label()));
    if (columns.size() > LABELS_SHOWN) {
      labels.add("... (" + (columns.size() - LABELS_SHOWN) + " more)");
    }
    return SqlExceptions.of(
        SqlState.UNDEFINED_COLUMN,
        "no column labelled '" + label + "' in this result; its columns are: " + labels);
  }

  static SQLException invalidArgument(String message) {
    return SqlExceptions.of(SqlState.INVALID_PARAMETER, message);
  }

  /** A stored value that the getter cannot turn into {@code target}; never shows the value. */
  static SQLException cannotConvert(String column, Object value, String target) {
    return new SQLDataException(
        "column '"
            + column
            + "': cannot convert a "
            + value.getClass().getName()
            + " value to "
            + target,
        INVALID_CHARACTER_VALUE_FOR_CAST);
  }

  static SQLException outOfRange(String column, Object value, String target) {
    return new SQLDataException(
        "column '"
            + column
            + "': the "
            + value.getClass().getName()
            + " value is out of range for "
            + target,
        NUMERIC_VALUE_OUT_OF_RANGE);
  }

  static SQLException unsupportedTarget(String column, Class<?> target) {
    return SqlExceptions.unsupported(
        "getObject(column '" + column + "', " + target.getName() + ".class)");
  }
}
