package io.xcluster.driver.result;

import java.sql.SQLException;

/**
 * Streams rows from the source as {@code next()} asks for them and keeps none. Once the source is
 * exhausted it is not asked again.
 */
final class ForwardCursor extends Cursor {
  private final RowSource source;
  private boolean started;
  private boolean onRow;
  private boolean exhausted;

  ForwardCursor(RowSource source) {
    this.source = source;
  }

  @Override
  boolean next() throws SQLException {
    started = true;
    onRow = !exhausted && source.next();
    exhausted = !onRow;
    return onRow;
  }

  @Override
  boolean onRow() {
    return onRow;
  }

  @Override
  Object value(int column) {
    return source.value(column);
  }

  @Override
  String offRow() {
    return started ? "after the last row" : "before the first row; call next() first";
  }

  @Override
  void close() {
    source.close();
  }

  @Override
  void fetchSizeHint(int rows) {
    source.fetchSizeHint(rows);
  }
}
