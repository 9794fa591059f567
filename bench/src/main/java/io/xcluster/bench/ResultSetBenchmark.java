package io.xcluster.bench;

import io.xcluster.driver.result.ColumnMeta;
import io.xcluster.driver.result.RowSource;
import io.xcluster.driver.result.XClusterResultSet;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The synthetic result set alone: {@link XClusterResultSet} over {@link RowSource#of} rows already in
 * memory, read to the end with typed getters, as the application reads a merged cross-cluster result.
 * The score is rows per second on one thread (each invocation builds the result set over {@value
 * #ROWS} rows of a typical shape: two BIGINT keys, a VARCHAR, a nullable INTEGER, a NUMERIC and a
 * TIMESTAMP, the objects pgjdbc's {@code getObject} returns).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ResultSetBenchmark {
  static final int ROWS = 10_000;
  private static final String[] LABELS = {"id", "subscription_id", "title", "score", "amount", "created_at"};

  private List<ColumnMeta> columns;
  private List<Object[]> rows;

  @Setup(Level.Trial)
  public void setUp() {
    columns = List.of(
        ColumnMeta.computed(LABELS[0], Types.BIGINT, "int8", Long.class),
        ColumnMeta.computed(LABELS[1], Types.BIGINT, "int8", Long.class),
        ColumnMeta.computed(LABELS[2], Types.VARCHAR, "varchar", String.class),
        ColumnMeta.computed(LABELS[3], Types.INTEGER, "int4", Integer.class),
        ColumnMeta.computed(LABELS[4], Types.NUMERIC, "numeric", BigDecimal.class),
        ColumnMeta.computed(LABELS[5], Types.TIMESTAMP, "timestamp", Timestamp.class));
    rows = new ArrayList<>(ROWS);
    LocalDateTime epoch = LocalDateTime.of(2024, 1, 1, 0, 0);
    for (long id = 1; id <= ROWS; id++) {
      rows.add(new Object[] {
        id, id % 500, "joins and clusters " + id, id % 7 == 0 ? null : (int) (id % 1000),
        BigDecimal.valueOf(id * 37, 2), Timestamp.valueOf(epoch.plusSeconds(id * 61))
      });
    }
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public void byIndex(Blackhole blackhole) throws SQLException {
    try (ResultSet results = resultSet()) {
      while (results.next()) {
        blackhole.consume(results.getLong(1));
        blackhole.consume(results.getLong(2));
        blackhole.consume(results.getString(3));
        blackhole.consume(results.getInt(4));
        blackhole.consume(results.wasNull());
        blackhole.consume(results.getBigDecimal(5));
        blackhole.consume(results.getTimestamp(6));
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public void byLabel(Blackhole blackhole) throws SQLException {
    try (ResultSet results = resultSet()) {
      while (results.next()) {
        blackhole.consume(results.getLong(LABELS[0]));
        blackhole.consume(results.getLong(LABELS[1]));
        blackhole.consume(results.getString(LABELS[2]));
        blackhole.consume(results.getInt(LABELS[3]));
        blackhole.consume(results.wasNull());
        blackhole.consume(results.getBigDecimal(LABELS[4]));
        blackhole.consume(results.getTimestamp(LABELS[5]));
      }
    }
  }

  private ResultSet resultSet() {
    return new XClusterResultSet(columns, RowSource.of(rows), null, ResultSet.TYPE_FORWARD_ONLY, () -> {});
  }
}
