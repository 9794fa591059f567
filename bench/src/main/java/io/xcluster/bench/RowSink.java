package io.xcluster.bench;

import java.sql.Timestamp;

/**
 * Where a benchmark's result rows go, value by value: a JMH blackhole while measuring, a list of
 * printed rows while checking that every path returns the same. The JDBC paths read their {@code
 * ResultSet} into it ({@link Jdbc#read}); the hand-written path feeds it from its own objects.
 */
interface RowSink {
  void longValue(long value);

  void intValue(int value);

  void text(String value);

  void timestamp(Timestamp value);

  void endRow();
}
