package io.xcluster.driver.result;

import static io.xcluster.driver.result.SqlAssertions.assertState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MetaDataTest {
  private static final ColumnMeta PRICE =
      new ColumnMeta(
          "price",
          "unit_price",
          "products",
          "shop",
          "catalog",
          Types.NUMERIC,
          "numeric",
          "java.math.BigDecimal",
          10,
          2,
          ResultSetMetaData.columnNoNulls,
          12,
          true,
          false,
          false,
          true);

  private static final ColumnMeta ID =
      new ColumnMeta(
          "id",
          "id",
          "products",
          "shop",
          "catalog",
          Types.BIGINT,
          "int8",
          "java.lang.Long",
          19,
          0,
          ResultSetMetaData.columnNoNulls,
          20,
          true,
          true,
          false,
          false);

  @Test
  void everyAnswerComesFromTheColumnMeta() throws SQLException {
    ResultSetMetaData md = new XClusterResultSetMetaData(List.of(ID, PRICE));
    assertEquals(2, md.getColumnCount());
    assertEquals("price", md.getColumnLabel(2));
    assertEquals("unit_price", md.getColumnName(2));
    assertEquals("products", md.getTableName(2));
    assertEquals("shop", md.getSchemaName(2));
    assertEquals("catalog", md.getCatalogName(2));
    assertEquals(Types.NUMERIC, md.getColumnType(2));
    assertEquals("numeric", md.getColumnTypeName(2));
    assertEquals("java.math.BigDecimal", md.getColumnClassName(2));
    assertEquals(10, md.getPrecision(2));
    assertEquals(2, md.getScale(2));
    assertEquals(ResultSetMetaData.columnNoNulls, md.isNullable(2));
    assertEquals(12, md.getColumnDisplaySize(2));
    assertTrue(md.isSigned(2));
    assertFalse(md.isAutoIncrement(2));
    assertTrue(md.isAutoIncrement(1));
    assertFalse(md.isCaseSensitive(2));
    assertTrue(md.isCurrency(2));
    assertFalse(md.isCurrency(1));
  }

  @Test
  void everyColumnIsSearchableReadOnlyAndNotWritable() throws SQLException {
    ResultSetMetaData md = new XClusterResultSetMetaData(List.of(ID, PRICE));
    for (int column = 1; column <= 2; column++) {
      assertTrue(md.isSearchable(column));
      assertTrue(md.isReadOnly(column));
      assertFalse(md.isWritable(column));
      assertFalse(md.isDefinitelyWritable(column));
    }
  }

  @Test
  void aBadIndexNamesTheIndexAndTheCount() {
    ResultSetMetaData md = new XClusterResultSetMetaData(List.of(ID));
    SQLException thrown = assertState("22023", () -> md.getColumnLabel(2));
    assertEquals(
        "column index 2 is out of range: this result has 1 column, numbered from 1",
        thrown.getMessage());
    assertState("22023", () -> md.isReadOnly(0));
  }

  @Test
  void theResultSetAnswersWithItsColumns() throws SQLException {
    XClusterResultSet resultSet =
        new XClusterResultSet(
            List.of(ID, PRICE),
            RowSource.of(List.of()),
            null,
            ResultSet.TYPE_FORWARD_ONLY,
            () -> {});
    ResultSetMetaData md = resultSet.getMetaData();
    assertEquals("price", md.getColumnLabel(2));
    assertSame(md, md.unwrap(ResultSetMetaData.class));
    assertTrue(md.isWrapperFor(XClusterResultSetMetaData.class));
    assertState("22023", () -> md.unwrap(ResultSet.class));
  }

  @Test
  void metadataStaysReadableAfterTheResultSetCloses() throws SQLException {
    XClusterResultSet resultSet =
        new XClusterResultSet(
            List.of(ID), RowSource.of(List.of()), null, ResultSet.TYPE_FORWARD_ONLY, () -> {});
    ResultSetMetaData md = resultSet.getMetaData();
    resultSet.close();
    assertEquals("id", md.getColumnLabel(1));
  }

  // ---- ColumnMeta ----

  /** A driver's metadata answering from a map, refusing the calls listed in {@code refused}. */
  private static ResultSetMetaData driverMetadata(
      Map<String, Object> answers, Set<String> refused) {
    return (ResultSetMetaData)
        Proxy.newProxyInstance(
            MetaDataTest.class.getClassLoader(),
            new Class<?>[] {ResultSetMetaData.class},
            (proxy, method, args) -> {
              if (refused.contains(method.getName())) {
                throw new SQLFeatureNotSupportedException(method.getName());
              }
              if (method.getName().equals("isSearchable")) {
                throw new UnsupportedOperationException();
              }
              Object answer = answers.get(method.getName());
              if (answer != null || !method.getReturnType().isPrimitive()) {
                return answer;
              }
              return method.getReturnType() == boolean.class ? false : 0;
            });
  }

  @Test
  void fromCopiesWhatTheDriverSays() {
    Map<String, Object> answers =
        Map.ofEntries(
            Map.entry("getColumnLabel", "price"),
            Map.entry("getColumnName", "unit_price"),
            Map.entry("getTableName", "products"),
            Map.entry("getSchemaName", "shop"),
            Map.entry("getCatalogName", "catalog"),
            Map.entry("getColumnType", Types.NUMERIC),
            Map.entry("getColumnTypeName", "numeric"),
            Map.entry("getColumnClassName", "java.math.BigDecimal"),
            Map.entry("getPrecision", 10),
            Map.entry("getScale", 2),
            Map.entry("isNullable", ResultSetMetaData.columnNoNulls),
            Map.entry("getColumnDisplaySize", 12),
            Map.entry("isSigned", true),
            Map.entry("isAutoIncrement", false),
            Map.entry("isCaseSensitive", false),
            Map.entry("isCurrency", true));
    assertEquals(PRICE, ColumnMeta.from(driverMetadata(answers, Set.of()), 1));
  }

  @Test
  void fromToleratesADriverThatRefusesSomeCalls() {
    Map<String, Object> answers =
        Map.of("getColumnLabel", "", "getColumnName", "total", "getColumnType", Types.INTEGER);
    ColumnMeta column =
        ColumnMeta.from(
            driverMetadata(
                answers,
                Set.of(
                    "getTableName",
                    "getSchemaName",
                    "getPrecision",
                    "isNullable",
                    "isSigned",
                    "getColumnClassName")),
            1);
    assertEquals("total", column.label());
    assertEquals("total", column.name());
    assertEquals("", column.tableName());
    assertEquals("", column.schemaName());
    assertEquals("", column.catalogName());
    assertEquals(Types.INTEGER, column.jdbcType());
    assertEquals("java.lang.Object", column.className());
    assertEquals(0, column.precision());
    assertEquals(ResultSetMetaData.columnNullableUnknown, column.nullable());
    assertFalse(column.signed());
  }

  @Test
  void fromFallsBackToTypeOtherWhenTheTypeIsRefused() {
    ColumnMeta column =
        ColumnMeta.from(driverMetadata(Map.of("getColumnLabel", "x"), Set.of("getColumnType")), 1);
    assertEquals(Types.OTHER, column.jdbcType());
    assertEquals("x", column.name());
  }

  @Test
  void withLabelChangesOnlyTheLabel() {
    ColumnMeta renamed = PRICE.withLabel("cost");
    assertEquals("cost", renamed.label());
    assertEquals(PRICE, renamed.withLabel("price"));
  }

  @Test
  void computedColumnsHaveNoTableAndAreSignedWhenNumeric() {
    ColumnMeta count = ColumnMeta.computed("count", Types.BIGINT, "bigint", Long.class);
    assertEquals("count", count.name());
    assertEquals("", count.tableName());
    assertEquals("java.lang.Long", count.className());
    assertEquals(ResultSetMetaData.columnNullableUnknown, count.nullable());
    assertTrue(count.signed());
    assertFalse(ColumnMeta.computed("label", Types.VARCHAR, "varchar", String.class).signed());
  }

  @Test
  void missingTextsAreEmptyButTheLabelIsRequired() {
    ColumnMeta column =
        new ColumnMeta(
            "a",
            null,
            null,
            null,
            null,
            Types.OTHER,
            null,
            null,
            0,
            0,
            2,
            0,
            false,
            false,
            false,
            false);
    assertEquals("", column.name());
    assertEquals("", column.typeName());
    assertEquals("java.lang.Object", column.className());
    assertThrows(
        NullPointerException.class,
        () ->
            new ColumnMeta(
                null, "a", "", "", "", 0, "", "", 0, 0, 2, 0, false, false, false, false));
  }
}
