package io.xcluster.driver.result;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads every row into memory on the first call that moves or asks where it is, then closes the
 * source at once, so the clusters' connections go back before the application has read a row.
 * Positions follow JDBC: 0 is before the first row, {@code size + 1} after the last.
 */
final class ScrollCursor extends Cursor {
  private final RowSource source;
  private final int columnCount;
  private final List<Object[]> rows = new ArrayList<>();
  private boolean loaded;
  private boolean sourceClosed;
  private Exception failed;
  private int position;

  ScrollCursor(RowSource source, int columnCount) {
    this.source = source;
    this.columnCount = columnCount;
  }

  @Override
  boolean next() throws SQLException {
    return moveTo(position + 1);
  }

  @Override
  boolean previous() throws SQLException {
    return moveTo(position - 1);
  }

  @Override
  boolean first() throws SQLException {
    return moveTo(1);
  }

  @Override
  boolean last() throws SQLException {
    return moveTo(size());
  }

  @Override
  boolean absolute(int row) throws SQLException {
    return moveTo(row >= 0 ? row : size() + 1 + row);
  }

  @Override
  boolean relative(int rows) throws SQLException {
    long target = (long) position + rows; // clamped by moveTo, so only overflow matters here
    return moveTo((int) Math.max(Integer.MIN_VALUE, Math.min(target, Integer.MAX_VALUE)));
  }

  @Override
  void beforeFirst() throws SQLException {
    moveTo(0);
  }

  @Override
  void afterLast() throws SQLException {
    moveTo(size() + 1);
  }

  @Override
  boolean isBeforeFirst() throws SQLException {
    return position == 0 && size() > 0;
  }

  @Override
  boolean isAfterLast() throws SQLException {
    return position > size() && size() > 0;
  }

  @Override
  boolean isFirst() throws SQLException {
    return position == 1 && size() > 0;
  }

  @Override
  boolean isLast() throws SQLException {
    return position == size() && size() > 0;
  }

  @Override
  int row() throws SQLException {
    return onRow() ? position : 0;
  }

  @Override
  boolean onRow() {
    return loaded && position >= 1 && position <= rows.size();
  }

  @Override
  Object value(int column) {
    return rows.get(position - 1)[column];
  }

  @Override
  String offRow() {
    return position == 0 ? "before the first row; call next() first" : "after the last row";
  }

  @Override
  void close() {
    closeSource();
  }

  @Override
  void fetchSizeHint(int rows) {
    if (!sourceClosed) {
      source.fetchSizeHint(rows);
    }
  }

  /** Clamps {@code target} to the positions before the first and after the last row. */
  private boolean moveTo(int target) throws SQLException {
    position = Math.max(0, Math.min(target, size() + 1));
    return onRow();
  }

  private int size() throws SQLException {
    load();
    return rows.size();
  }

  /** A failure is final: the source gave up there, so every later call reports it rather than fewer rows. */
  private void load() throws SQLException {
    if (loaded) {
      return;
    }
    if (failed != null) {
      throw ResultErrors.failedEarlier(failed);
    }
    try {
      while (source.next()) {
        Object[] row = new Object[columnCount];
        for (int column = 0; column < columnCount; column++) {
          row[column] = source.value(column);
        }
        rows.add(row);
      }
    } catch (SQLException | RuntimeException failure) {
      failed = failure;
      throw failure;
    }
    loaded = true;
    closeSource();
  }

  private void closeSource() {
    if (!sourceClosed) {
      sourceClosed = true;
      source.close();
    }
  }
}
