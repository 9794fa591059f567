package io.xcluster.driver.differential;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A whole result read into memory: its columns and its rows of {@linkplain Values#normalize
 * normalised} values, in the order the database returned them. Each value is read twice, first
 * with the typed getter of its column's class ({@link TypedRead}), then with {@code getObject}; the
 * two must agree.
 */
record ResultTable(List<ColumnInfo> columns, List<List<Object>> rows) {
  ResultTable {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  /** Reads every remaining row of {@code resultSet}; does not close it. */
  static ResultTable read(ResultSet resultSet) throws SQLException {
    ResultSetMetaData metaData = resultSet.getMetaData();
    int count = metaData.getColumnCount();
    List<Set<String>> classes = new ArrayList<>(count);
    for (int column = 0; column < count; column++) {
      classes.add(new TreeSet<>());
    }
    List<String> typedAs = new ArrayList<>(count);
    for (int column = 1; column <= count; column++) {
      typedAs.add(metaData.getColumnClassName(column));
    }
    List<List<Object>> rows = new ArrayList<>();
    while (resultSet.next()) {
      List<Object> row = new ArrayList<>(count);
      for (int column = 1; column <= count; column++) {
        Object typed = TypedRead.first(resultSet, column, typedAs.get(column - 1));
        Object raw = resultSet.getObject(column);
        TypedRead.check(typed, raw, metaData.getColumnLabel(column));
        TypedRead.checkClass(raw, typedAs.get(column - 1), metaData.getColumnLabel(column));
        if (raw != null) {
          classes.get(column - 1).add(raw.getClass().getName());
        }
        row.add(Values.normalize(raw));
      }
      rows.add(Collections.unmodifiableList(row));
    }
    List<ColumnInfo> columns = new ArrayList<>(count);
    for (int column = 1; column <= count; column++) {
      columns.add(
          new ColumnInfo(
              metaData.getColumnLabel(column),
              metaData.getColumnType(column),
              metaData.getColumnTypeName(column),
              classes.get(column - 1)));
    }
    return new ResultTable(columns, rows);
  }

  int rowCount() {
    return rows.size();
  }
}
