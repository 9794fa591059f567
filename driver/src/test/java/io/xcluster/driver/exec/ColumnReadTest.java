package io.xcluster.driver.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.xcluster.driver.result.ColumnMeta;
import java.lang.reflect.Proxy;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which getter reads a fetched column, and that NULL stays NULL through the typed ones. */
class ColumnReadTest {
  private static ColumnMeta column(int jdbcType, String className) {
    return new ColumnMeta("c", "c", "t", "", "", jdbcType, "", className, 0, 0,
        java.sql.ResultSetMetaData.columnNullable, 0, true, false, false, false);
  }

  /** A one-row result whose getters answer {@code value} (SQL NULL: null) and record which was called. */
  private static ResultSet holding(Object value, List<String> calls) {
    boolean[] lastNull = {false};
    return (ResultSet) Proxy.newProxyInstance(ResultSet.class.getClassLoader(), new Class<?>[] {ResultSet.class},
        (proxy, method, args) -> {
          String name = method.getName();
          if (name.equals("wasNull")) {
            return lastNull[0];
          }
          calls.add(name);
          lastNull[0] = value == null;
          return switch (name) {
            case "getLong" -> value == null ? 0L : ((Number) value).longValue();
            case "getInt" -> value == null ? 0 : ((Number) value).intValue();
            case "getString" -> value == null ? null : value.toString();
            case "getObject" -> value;
            default -> throw new UnsupportedOperationException(name);
          };
        });
  }

  private static Object read(ColumnRead read, Object value, List<String> calls) throws Exception {
    return read.read(holding(value, calls), 1);
  }

  @Test
  void describedClassesPickTheirTypedGetterAndOthersGetObject() {
    ColumnMeta[] columns = {
        column(Types.BIGINT, "java.lang.Long"), column(Types.INTEGER, "java.lang.Integer"),
        column(Types.VARCHAR, "java.lang.String"), column(Types.BIGINT, "java.math.BigInteger"),
        column(Types.NUMERIC, "java.math.BigDecimal"), null};
    assertArrayEquals(new ColumnRead[] {ColumnRead.LONG, ColumnRead.INT, ColumnRead.STRING, ColumnRead.OBJECT,
        ColumnRead.OBJECT, ColumnRead.OBJECT}, ColumnRead.of(columns, 0, columns.length));
    assertArrayEquals(new ColumnRead[] {ColumnRead.STRING}, ColumnRead.of(columns, 2, 1));
  }

  @Test
  void typedReadsAnswerWhatGetObjectWould() throws Exception {
    List<String> calls = new ArrayList<>();
    assertEquals(Long.valueOf(7), read(ColumnRead.LONG, 7L, calls));
    assertEquals(Integer.valueOf(-3), read(ColumnRead.INT, -3, calls));
    assertEquals("pro", read(ColumnRead.STRING, "pro", calls));
    assertEquals(new BigInteger("18446744073709551615"),
        read(ColumnRead.OBJECT, new BigInteger("18446744073709551615"), calls));
    assertEquals(List.of("getLong", "getInt", "getString", "getObject"), calls);
  }

  @Test
  void zeroIsZeroAndNullIsNull() throws Exception {
    List<String> calls = new ArrayList<>();
    assertEquals(Long.valueOf(0), read(ColumnRead.LONG, 0L, calls));
    assertEquals(Integer.valueOf(0), read(ColumnRead.INT, 0, calls));
    assertNull(read(ColumnRead.LONG, null, calls));
    assertNull(read(ColumnRead.INT, null, calls));
    assertNull(read(ColumnRead.STRING, null, calls));
  }
}
