package io.xcluster.driver.exec;

import io.xcluster.driver.result.ColumnMeta;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * Values computed in memory, returned the way pgjdbc returns a column of the SQL type PostgreSQL would give
 * the expression: int4 as Integer, int8 as Long, timestamps as java.sql.Timestamp, and so on; with a column
 * description of that type. Without a known type, the value's own Java type decides.
 */
final class JdbcValues {
  private record SqlType(int jdbcType, Class<?> javaClass) {}

  private static final Map<String, SqlType> TYPES = Map.ofEntries(
      Map.entry("int2", new SqlType(Types.SMALLINT, Integer.class)),
      Map.entry("int4", new SqlType(Types.INTEGER, Integer.class)),
      Map.entry("int8", new SqlType(Types.BIGINT, Long.class)),
      Map.entry("numeric", new SqlType(Types.NUMERIC, BigDecimal.class)),
      Map.entry("float4", new SqlType(Types.REAL, Float.class)),
      Map.entry("float8", new SqlType(Types.DOUBLE, Double.class)),
      Map.entry("text", new SqlType(Types.VARCHAR, String.class)),
      Map.entry("bool", new SqlType(Types.BIT, Boolean.class)),
      Map.entry("bytea", new SqlType(Types.BINARY, byte[].class)),
      Map.entry("uuid", new SqlType(Types.OTHER, java.util.UUID.class)),
      Map.entry("date", new SqlType(Types.DATE, java.sql.Date.class)),
      Map.entry("time", new SqlType(Types.TIME, java.sql.Time.class)),
      Map.entry("timestamp", new SqlType(Types.TIMESTAMP, Timestamp.class)),
      Map.entry("timestamptz", new SqlType(Types.TIMESTAMP, Timestamp.class)));

  private JdbcValues() {}

  /** An evaluated value as the driver of a column of {@code typeName} would return it. */
  static Object fromEvaluation(Object value, String typeName) {
    if (value instanceof Long number && (typeName.equals("int4") || typeName.equals("int2"))) {
      return Math.toIntExact(number);
    }
    if (value instanceof Double number && typeName.equals("float4")) {
      return number.floatValue();
    }
    if (value instanceof LocalDateTime time) {
      return Timestamp.valueOf(time);
    }
    if (value instanceof LocalDate date) {
      return java.sql.Date.valueOf(date);
    }
    if (value instanceof LocalTime time) {
      return java.sql.Time.valueOf(time);
    }
    return value;
  }

  /**
   * A MIN or MAX as a column of {@code typeName} holds it, whichever cluster's driver read the values: MySQL
   * computes {@code int + int} as BIGINT where PostgreSQL's type is int4, and Connector/J reads a DATETIME as
   * a LocalDateTime where the column is described as a timestamp. A value int4 cannot hold stays a Long:
   * PostgreSQL would have failed, and a wrong number is worse than a wider type.
   */
  static Object asDeclared(Object value, String typeName) {
    SqlType type = TYPES.get(typeName);
    if (type == null) {
      return value;
    }
    if (value instanceof Long number && type.javaClass() == Integer.class && number == number.intValue()) {
      return number.intValue();
    }
    if (value instanceof LocalDateTime time && type.javaClass() == Timestamp.class) {
      return Timestamp.valueOf(time);
    }
    if (value instanceof LocalDate date && type.javaClass() == java.sql.Date.class) {
      return java.sql.Date.valueOf(date);
    }
    if (value instanceof LocalTime time && type.javaClass() == java.sql.Time.class) {
      return java.sql.Time.valueOf(time);
    }
    return value;
  }

  static ColumnMeta computedColumn(String label, String typeName, List<Object[]> rows, int column) {
    SqlType type = TYPES.get(typeName);
    if (type != null) {
      return ColumnMeta.computed(label, type.jdbcType(), typeName, type.javaClass());
    }
    Object sample = rows.stream().map(row -> row[column]).filter(v -> v != null).findFirst().orElse(null);
    if (sample == null) {
      return ColumnMeta.computed(label, Types.VARCHAR, "text", String.class);
    }
    String sampled = TYPES.entrySet().stream().filter(e -> e.getValue().javaClass() == sample.getClass())
        .map(Map.Entry::getKey).findFirst().orElse("");
    SqlType byValue = TYPES.get(sampled);
    return byValue == null ? ColumnMeta.computed(label, Types.OTHER, sample.getClass().getSimpleName(), sample.getClass())
        : ColumnMeta.computed(label, byValue.jdbcType(), sampled, byValue.javaClass());
  }
}
