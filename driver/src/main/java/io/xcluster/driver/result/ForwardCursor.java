package io.xcluster.driver.result;

import java.sql.SQLException;

/**
 * Streams rows from the source as {@code next()} asks for them and keeps none. Once the source is
 * exhausted it is not asked again; once it failed, every later {@code next()} fails too.
 */
final class ForwardCursor extends Cursor {
  private final RowSource source;
  private boolean started;
  private boolean onRow;
  private boolean exhausted;
  /** Why the source stopped, if it failed: every later move reports it. */
  private Exception failed;

  ForwardCursor(RowSource source) {
    this.source = source;
  }

  @Override
  boolean next() throws SQLException {
    started = true;
    if (failed != null) {
      throw ResultErrors.failedEarlier(failed);
    }
    try {
      onRow = !exhausted && source.next();
    } catch (SQLException | RuntimeException failure) {
      onRow = false;
      failed = failure;
      throw failure;
    }
    exhausted = !onRow;
    return onRow;
  }

  @Override
  boolean onRow() {
    return onRow;
  }

  @Override
  Object value(int column) throws SQLException {
    return source.value(column);
  }

  @Override
  LiveRow live(int column) {
    return source.live(column);
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
