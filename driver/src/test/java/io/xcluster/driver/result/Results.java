package io.xcluster.driver.result;

import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Small synthetic results for the plumbing tests. */
final class Results {
  private Results() {}

  static ColumnMeta column(String label) {
    return ColumnMeta.computed(label, Types.OTHER, "", Object.class);
  }

  static List<ColumnMeta> columns(String... labels) {
    return Arrays.stream(labels).map(Results::column).toList();
  }

  /** A forward-only result of one row per array, with columns labelled as given. */
  static XClusterResultSet forwardOnly(List<String> labels, Object[]... rows) {
    return of(ResultSet.TYPE_FORWARD_ONLY, labels, rows);
  }

  static XClusterResultSet scrollable(List<String> labels, Object[]... rows) {
    return of(ResultSet.TYPE_SCROLL_INSENSITIVE, labels, rows);
  }

  /**
   * One column labelled {@code value} holding {@code value} in its only row, already on that row.
   */
  static XClusterResultSet single(Object value) throws java.sql.SQLException {
    XClusterResultSet resultSet = forwardOnly(List.of("value"), new Object[] {value});
    resultSet.next();
    return resultSet;
  }

  private static XClusterResultSet of(int type, List<String> labels, Object[]... rows) {
    return new XClusterResultSet(
        columns(labels.toArray(String[]::new)),
        RowSource.of(new ArrayList<>(Arrays.asList(rows))),
        null,
        type,
        () -> {});
  }

  /** A row source over fixed rows that counts what is asked of it. */
  static final class CountingSource implements RowSource {
    private final RowSource rows;
    /** The {@code next} call (from 1) that fails, as a cluster's read failing half-way would; 0 for none. */
    int failingCall;
    int nextCalls;
    int closeCalls;
    int fetchSizeHint = -1;

    CountingSource(Object[]... rows) {
      this.rows = RowSource.of(Arrays.asList(rows));
    }

    @Override
    public boolean next() throws java.sql.SQLException {
      nextCalls++;
      if (nextCalls == failingCall) {
        throw new java.sql.SQLException("connection reset while reading rows", "08006");
      }
      return rows.next();
    }

    @Override
    public Object value(int column) throws java.sql.SQLException {
      return rows.value(column);
    }

    @Override
    public void close() {
      closeCalls++;
    }

    @Override
    public void fetchSizeHint(int rows) {
      fetchSizeHint = rows;
    }
  }
}
