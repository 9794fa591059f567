package io.xcluster.driver.exec;

import io.xcluster.driver.result.ColumnMeta;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How a fetched column is read. {@code getObject} makes a driver look the column's type up on every call
 * (pgjdbc asks its type cache, Connector/J its field's MySQL type) before calling its typed getter; for the
 * classes below the typed getter is called directly and its value boxed, which is what {@code getObject}
 * answers for a column its driver describes with that class ({@code getColumnClassName}). Any other class,
 * or a column not described, is read with {@code getObject}.
 */
enum ColumnRead {
  OBJECT,
  LONG,
  INT,
  STRING;

  private static final ColumnRead[] NONE = {};

  /** The reads of {@code width} described columns starting at {@code offset}. */
  static ColumnRead[] of(ColumnMeta[] columns, int offset, int width) {
    ColumnRead[] reads = width == 0 ? NONE : new ColumnRead[width];
    for (int column = 0; column < width; column++) {
      reads[column] = of(columns[offset + column]);
    }
    return reads;
  }

  private static ColumnRead of(ColumnMeta column) {
    if (column == null) {
      return OBJECT;
    }
    return switch (column.className()) {
      case "java.lang.Long" -> LONG;
      case "java.lang.Integer" -> INT;
      case "java.lang.String" -> STRING;
      default -> OBJECT;
    };
  }

  /** The current row's value of {@code index} (1-based), as {@code getObject} would answer it. */
  Object read(ResultSet results, int index) throws SQLException {
    switch (this) {
      case LONG -> {
        long value = results.getLong(index);
        return value == 0 && results.wasNull() ? null : value;
      }
      case INT -> {
        int value = results.getInt(index);
        return value == 0 && results.wasNull() ? null : value;
      }
      case STRING -> {
        return results.getString(index);
      }
      default -> {
        return results.getObject(index);
      }
    }
  }
}
