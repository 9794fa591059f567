package io.xcluster.bench;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/** Prints each row as {@code v1|v2|...}, for comparing the paths' results before measuring them. */
final class RecordingSink implements RowSink {
  private final List<String> rows = new ArrayList<>();
  private final StringBuilder row = new StringBuilder();

  @Override
  public void longValue(long value) {
    add(Long.toString(value));
  }

  @Override
  public void intValue(int value) {
    add(Integer.toString(value));
  }

  @Override
  public void text(String value) {
    add(value);
  }

  @Override
  public void timestamp(Timestamp value) {
    add(String.valueOf(value));
  }

  @Override
  public void endRow() {
    rows.add(row.toString());
    row.setLength(0);
  }

  List<String> rows() {
    return List.copyOf(rows);
  }

  private void add(String value) {
    row.append(row.length() == 0 ? "" : "|").append(value);
  }
}
