package io.xcluster.bench;

import java.sql.Timestamp;

/** Keeps nothing of the rows but a checksum of every value, so that no read can be optimised away. */
final class DiscardingSink implements RowSink {
  private long checksum;

  @Override
  public void longValue(long value) {
    checksum += value;
  }

  @Override
  public void intValue(int value) {
    checksum += value;
  }

  @Override
  public void text(String value) {
    checksum += value == null ? 0 : value.hashCode();
  }

  @Override
  public void timestamp(Timestamp value) {
    checksum += value == null ? 0 : value.getTime();
  }

  @Override
  public void endRow() {
    checksum++;
  }

  long checksum() {
    return checksum;
  }
}
