package io.xcluster.bench;

import java.sql.Timestamp;
import org.openjdk.jmh.infra.Blackhole;

/** Consumes every value, so the JIT cannot skip reading it. */
final class BlackholeSink implements RowSink {
  private final Blackhole blackhole;

  BlackholeSink(Blackhole blackhole) {
    this.blackhole = blackhole;
  }

  @Override
  public void longValue(long value) {
    blackhole.consume(value);
  }

  @Override
  public void intValue(int value) {
    blackhole.consume(value);
  }

  @Override
  public void text(String value) {
    blackhole.consume(value);
  }

  @Override
  public void timestamp(Timestamp value) {
    blackhole.consume(value);
  }

  @Override
  public void endRow() {}
}
