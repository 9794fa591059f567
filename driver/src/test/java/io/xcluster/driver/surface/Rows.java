package io.xcluster.driver.surface;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reading result sets for assertions. */
final class Rows {
  private Rows() {}

  /** The remaining values of one column, by label, as strings; does not close the result set. */
  static List<String> strings(ResultSet results, String label) throws SQLException {
    List<String> values = new ArrayList<>();
    while (results.next()) {
      values.add(results.getString(label));
    }
    return values;
  }

  /** The remaining rows as "a|b|c" strings of every column; does not close the result set. */
  static List<String> lines(ResultSet results) throws SQLException {
    int columns = results.getMetaData().getColumnCount();
    List<String> lines = new ArrayList<>();
    while (results.next()) {
      StringBuilder line = new StringBuilder();
      for (int column = 1; column <= columns; column++) {
        line.append(column == 1 ? "" : "|").append(results.getString(column));
      }
      lines.add(line.toString());
    }
    return lines;
  }

  static List<String> sorted(List<String> values) {
    List<String> copy = new ArrayList<>(values);
    copy.sort(null);
    return copy;
  }
}
