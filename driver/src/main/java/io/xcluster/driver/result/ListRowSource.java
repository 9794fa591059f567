package io.xcluster.driver.result;

import java.util.List;

/** {@link RowSource#of}: rows that are already in memory. */
final class ListRowSource implements RowSource {
  private final List<Object[]> rows;
  private int position = -1;

  ListRowSource(List<Object[]> rows) {
    this.rows = rows;
  }

  @Override
  public boolean next() {
    if (position < rows.size()) {
      position++;
    }
    return position < rows.size();
  }

  @Override
  public Object value(int column) {
    if (position < 0 || position >= rows.size()) {
      throw new IllegalStateException("no current row at position " + position);
    }
    return rows.get(position)[column];
  }

  @Override
  public void close() {}
}
