package io.xcluster.driver.result;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Reads one query twice, through the cluster's own driver and through an {@link XClusterResultSet}
 * built from that driver's metadata and {@code getObject} values, and reports every getter call
 * whose outcome differs. A getter's outcome is its value and {@code wasNull()}, or the fact that it
 * threw; the exception's message and SQLState are not compared, since every driver words them
 * differently.
 */
final class PhysicalComparison {

  /** A getter applied to either result set. */
  interface Read {
    Object read(ResultSet resultSet, int column) throws SQLException;
  }

  record Getter(String name, Read read) {}

  static final List<Getter> GETTERS =
      List.of(
          new Getter("getString", ResultSet::getString),
          new Getter("getBoolean", ResultSet::getBoolean),
          new Getter("getByte", ResultSet::getByte),
          new Getter("getShort", ResultSet::getShort),
          new Getter("getInt", ResultSet::getInt),
          new Getter("getLong", ResultSet::getLong),
          new Getter("getFloat", ResultSet::getFloat),
          new Getter("getDouble", ResultSet::getDouble),
          new Getter("getBigDecimal", ResultSet::getBigDecimal),
          new Getter("getBytes", ResultSet::getBytes),
          new Getter("getDate", ResultSet::getDate),
          new Getter("getTime", ResultSet::getTime),
          new Getter("getTimestamp", ResultSet::getTimestamp),
          new Getter("getTimestamp(UTC)", (rs, c) -> rs.getTimestamp(c, utc())),
          new Getter("getDate(UTC)", (rs, c) -> rs.getDate(c, utc())),
          new Getter("getObject", ResultSet::getObject),
          new Getter("getCharacterStream", (rs, c) -> text(rs.getCharacterStream(c))),
          new Getter("getBinaryStream", (rs, c) -> bytes(rs.getBinaryStream(c))),
          typed(String.class),
          typed(Integer.class),
          typed(Long.class),
          typed(Short.class),
          typed(Boolean.class),
          typed(Double.class),
          typed(Float.class),
          typed(BigDecimal.class),
          typed(BigInteger.class),
          typed(byte[].class),
          typed(UUID.class),
          typed(LocalDate.class),
          typed(LocalTime.class),
          typed(LocalDateTime.class),
          typed(OffsetDateTime.class),
          typed(Instant.class),
          typed(Date.class),
          typed(Time.class),
          typed(Timestamp.class));

  private PhysicalComparison() {}

  private static Getter typed(Class<?> type) {
    return new Getter("getObject(" + type.getSimpleName() + ")", (rs, c) -> rs.getObject(c, type));
  }

  private static Calendar utc() {
    return Calendar.getInstance(TimeZone.getTimeZone("UTC"));
  }

  /** One getter call's outcome, comparable across drivers. */
  record Outcome(Object value, boolean wasNull, String failure) {
    boolean sameAs(Outcome other) {
      if (failure != null || other.failure != null) {
        return failure != null && other.failure != null;
      }
      return Objects.equals(value, other.value) && wasNull == other.wasNull;
    }

    @Override
    public String toString() {
      if (failure != null) {
        return "throws " + failure;
      }
      String type = value == null ? "" : " (" + value.getClass().getSimpleName() + ")";
      return value + type + (wasNull ? " wasNull" : "");
    }
  }

  /** A getter call whose outcomes differ. */
  record Difference(int row, String column, String getter, Outcome physical, Outcome synthetic) {
    String key() {
      return column + " " + getter;
    }

    /** The physical driver refused and the synthetic result converted: allowed, see the test. */
    boolean onlyMorePermissive() {
      return physical.failure() != null && synthetic.failure() == null;
    }

    @Override
    public String toString() {
      return "row " + row + " " + key() + ": physical " + physical + " | synthetic " + synthetic;
    }
  }

  /**
   * The synthetic copy of {@code query}'s result: metadata via ColumnMeta.from, rows via getObject.
   */
  static XClusterResultSet copy(Connection connection, String query) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet physical = statement.executeQuery(query)) {
      ResultSetMetaData md = physical.getMetaData();
      List<ColumnMeta> columns = new ArrayList<>();
      for (int column = 1; column <= md.getColumnCount(); column++) {
        columns.add(ColumnMeta.from(md, column));
      }
      List<Object[]> rows = new ArrayList<>();
      while (physical.next()) {
        Object[] row = new Object[columns.size()];
        for (int column = 1; column <= row.length; column++) {
          row[column - 1] = physical.getObject(column);
        }
        rows.add(row);
      }
      return new XClusterResultSet(
          columns, RowSource.of(rows), null, ResultSet.TYPE_FORWARD_ONLY, () -> {});
    }
  }

  /** Every getter on every column of every row of {@code query}, physical vs synthetic. */
  static List<Difference> differences(Connection connection, String query) throws SQLException {
    List<Difference> differences = new ArrayList<>();
    try (ResultSet synthetic = copy(connection, query);
        Statement statement = connection.createStatement();
        ResultSet physical = statement.executeQuery(query)) {
      ResultSetMetaData md = physical.getMetaData();
      int row = 0;
      while (physical.next()) {
        row++;
        if (!synthetic.next()) {
          throw new AssertionError("the synthetic result ends before row " + row);
        }
        for (int column = 1; column <= md.getColumnCount(); column++) {
          for (Getter getter : GETTERS) {
            Outcome expected = outcome(physical, column, getter);
            Outcome actual = outcome(synthetic, column, getter);
            if (!expected.sameAs(actual)) {
              differences.add(
                  new Difference(row, md.getColumnLabel(column), getter.name(), expected, actual));
            }
          }
        }
      }
      if (synthetic.next()) {
        throw new AssertionError("the synthetic result has more than " + row + " rows");
      }
    }
    return differences;
  }

  /** Every ResultSetMetaData answer that differs, except the four a synthetic result fixes. */
  static List<String> metadataDifferences(Connection connection, String query) throws SQLException {
    List<String> differences = new ArrayList<>();
    try (ResultSet synthetic = copy(connection, query);
        Statement statement = connection.createStatement();
        ResultSet physical = statement.executeQuery(query)) {
      ResultSetMetaData expected = physical.getMetaData();
      ResultSetMetaData actual = synthetic.getMetaData();
      for (int column = 1; column <= expected.getColumnCount(); column++) {
        for (MetaRead read : META_READS) {
          Object want = read.read(expected, column);
          Object got = read.read(actual, column);
          if (!Objects.equals(want, got)) {
            differences.add(
                expected.getColumnLabel(column) + " " + read + ": " + want + " vs " + got);
          }
        }
      }
    }
    return differences;
  }

  private interface MetaAnswer {
    Object read(ResultSetMetaData md, int column) throws SQLException;
  }

  private record MetaRead(String name, MetaAnswer answer) {
    Object read(ResultSetMetaData md, int column) throws SQLException {
      return answer.read(md, column);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private static final List<MetaRead> META_READS =
      List.of(
          new MetaRead("getColumnLabel", ResultSetMetaData::getColumnLabel),
          new MetaRead("getColumnName", ResultSetMetaData::getColumnName),
          new MetaRead("getTableName", ResultSetMetaData::getTableName),
          new MetaRead("getSchemaName", ResultSetMetaData::getSchemaName),
          new MetaRead("getCatalogName", ResultSetMetaData::getCatalogName),
          new MetaRead("getColumnType", ResultSetMetaData::getColumnType),
          new MetaRead("getColumnTypeName", ResultSetMetaData::getColumnTypeName),
          new MetaRead("getColumnClassName", ResultSetMetaData::getColumnClassName),
          new MetaRead("getPrecision", ResultSetMetaData::getPrecision),
          new MetaRead("getScale", ResultSetMetaData::getScale),
          new MetaRead("isNullable", ResultSetMetaData::isNullable),
          new MetaRead("getColumnDisplaySize", ResultSetMetaData::getColumnDisplaySize),
          new MetaRead("isSigned", ResultSetMetaData::isSigned),
          new MetaRead("isAutoIncrement", ResultSetMetaData::isAutoIncrement),
          new MetaRead("isCaseSensitive", ResultSetMetaData::isCaseSensitive),
          new MetaRead("isCurrency", ResultSetMetaData::isCurrency));

  /** The keys ({@code column getter}) of some differences, for messages. */
  static Set<String> keys(List<Difference> differences) {
    Set<String> keys = new TreeSet<>();
    differences.forEach(difference -> keys.add(difference.key()));
    return keys;
  }

  private static Outcome outcome(ResultSet resultSet, int column, Getter getter) {
    try {
      Object value = normalized(getter.read().read(resultSet, column));
      return new Outcome(value, resultSet.wasNull(), null);
    } catch (SQLException | RuntimeException failure) {
      return new Outcome(
          null, false, failure.getClass().getSimpleName() + ": " + failure.getMessage());
    }
  }

  /** Arrays compare by content; streams by what they hold. */
  private static Object normalized(Object value) {
    if (value instanceof byte[] bytes) {
      return "bytes " + HexFormat.of().formatHex(bytes);
    }
    return value;
  }

  private static String text(Reader reader) {
    if (reader == null) {
      return null;
    }
    try (reader) {
      StringWriter text = new StringWriter();
      reader.transferTo(text);
      return text.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(InputStream stream) {
    if (stream == null) {
      return null;
    }
    try (stream) {
      return stream.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
