package io.xcluster.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * What an application does per query, identical for the colocated database, plain pgjdbc and
 * xcluster: borrow a connection, prepare, bind, execute, read every row with typed getters, close.
 */
final class Jdbc {
  private Jdbc() {}

  /** Runs {@code sql} with {@code parameters} on a connection of {@code source}; returns the rows read. */
  static int query(DataSource source, String sql, ColumnKind[] shape, RowSink sink, Object... parameters)
      throws SQLException {
    try (Connection connection = source.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, 1, parameters);
      try (ResultSet rows = statement.executeQuery()) {
        return read(rows, shape, sink);
      }
    }
  }

  /** Binds {@code values} from {@code position} on with the typed setters; returns the next position. */
  static int bind(PreparedStatement statement, int position, Object... values) throws SQLException {
    int at = position;
    for (Object value : values) {
      if (value instanceof Long number) {
        statement.setLong(at++, number);
      } else if (value instanceof Integer number) {
        statement.setInt(at++, number);
      } else {
        statement.setString(at++, (String) value);
      }
    }
    return at;
  }

  /** Reads every remaining row of {@code rows} into {@code sink}; returns how many. */
  static int read(ResultSet rows, ColumnKind[] shape, RowSink sink) throws SQLException {
    int count = 0;
    while (rows.next()) {
      for (int column = 0; column < shape.length; column++) {
        switch (shape[column]) {
          case LONG -> sink.longValue(rows.getLong(column + 1));
          case INT -> sink.intValue(rows.getInt(column + 1));
          case TEXT -> sink.text(rows.getString(column + 1));
          case TIMESTAMP -> sink.timestamp(rows.getTimestamp(column + 1));
        }
      }
      sink.endRow();
      count++;
    }
    return count;
  }
}
