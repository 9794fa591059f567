package io.xcluster.driver.result;

import static io.xcluster.driver.result.SqlAssertions.assertState;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xcluster.driver.result.Results.CountingSource;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.sql.Wrapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class XClusterResultSetTest {

  // ---- findColumn ----

  @Test
  void labelsMatchIgnoringCase() throws SQLException {
    XClusterResultSet resultSet =
        Results.forwardOnly(List.of("id", "Title"), new Object[] {7, "Hello"});
    resultSet.next();
    assertEquals(2, resultSet.findColumn("TITLE"));
    assertEquals("Hello", resultSet.getString("title"));
    assertEquals(7, resultSet.getInt("ID"));
  }

  @Test
  void labelsMatchTheSameWayInATurkishLocale() throws SQLException {
    Locale original = Locale.getDefault();
    Locale.setDefault(Locale.forLanguageTag("tr-TR"));
    try {
      XClusterResultSet resultSet =
          Results.forwardOnly(List.of("ID", "title"), new Object[] {7, "x"});
      assertEquals(1, resultSet.findColumn("id"));
      assertEquals(2, resultSet.findColumn("TITLE"));
    } finally {
      Locale.setDefault(original);
    }
  }

  @Test
  void theFirstOfDuplicateLabelsWins() throws SQLException {
    XClusterResultSet resultSet =
        Results.forwardOnly(
            List.of("id", "name", "ID", "Name"), new Object[] {1, "user", 2, "post"});
    resultSet.next();
    assertEquals(1, resultSet.findColumn("Id"));
    assertEquals(2, resultSet.findColumn("NAME"));
    assertEquals("user", resultSet.getString("name"));
    assertEquals("post", resultSet.getString(4));
  }

  @Test
  void anUnknownLabelIsNamedWithTheLabelsThereAre() {
    XClusterResultSet resultSet = Results.forwardOnly(List.of("id", "title"));
    SQLException thrown = assertState("42703", () -> resultSet.findColumn("author"));
    assertEquals(
        "no column labelled 'author' in this result; its columns are: id, title",
        thrown.getMessage());
  }

  @Test
  void aWideResultListsOnlyItsFirstLabels() {
    List<String> labels = new ArrayList<>();
    for (int i = 1; i <= 50; i++) {
      labels.add("c" + i);
    }
    XClusterResultSet resultSet = Results.forwardOnly(labels);
    SQLException thrown = assertState("42703", () -> resultSet.getString("missing"));
    assertTrue(thrown.getMessage().endsWith("c40, ... (10 more)"), thrown.getMessage());
  }

  @Test
  void aNullLabelIsAnInvalidArgument() {
    XClusterResultSet resultSet = Results.forwardOnly(List.of("id"));
    assertState("22023", () -> resultSet.findColumn(null));
  }

  // ---- indexes ----

  @Test
  void anIndexOutOfRangeNamesTheIndexAndTheColumnCount() throws SQLException {
    XClusterResultSet resultSet = Results.forwardOnly(List.of("a", "b"), new Object[] {1, 2});
    resultSet.next();
    SQLException thrown = assertState("22023", () -> resultSet.getInt(3));
    assertEquals(
        "column index 3 is out of range: this result has 2 columns, numbered from 1",
        thrown.getMessage());
    assertState("22023", () -> resultSet.getObject(0));
  }

  // ---- values and wasNull ----

  @Test
  void wasNullReportsTheLastValueRead() throws SQLException {
    XClusterResultSet resultSet =
        Results.forwardOnly(List.of("present", "absent"), new Object[] {5, null});
    resultSet.next();
    assertFalse(resultSet.wasNull());
    assertEquals(0, resultSet.getInt("absent"));
    assertTrue(resultSet.wasNull());
    assertEquals(5, resultSet.getInt("present"));
    assertFalse(resultSet.wasNull());
    assertNull(resultSet.getObject(2));
    assertTrue(resultSet.wasNull());
  }

  interface Getter {
    Object read(ResultSet resultSet) throws SQLException;
  }

  @SuppressWarnings("deprecation")
  static Stream<Arguments> gettersOnNull() {
    return Stream.of(
        Arguments.of("getBoolean", (Getter) rs -> rs.getBoolean(1), false),
        Arguments.of("getByte", (Getter) rs -> rs.getByte(1), (byte) 0),
        Arguments.of("getShort", (Getter) rs -> rs.getShort(1), (short) 0),
        Arguments.of("getInt", (Getter) rs -> rs.getInt(1), 0),
        Arguments.of("getLong", (Getter) rs -> rs.getLong(1), 0L),
        Arguments.of("getFloat", (Getter) rs -> rs.getFloat(1), 0f),
        Arguments.of("getDouble", (Getter) rs -> rs.getDouble(1), 0d),
        Arguments.of("getString", (Getter) rs -> rs.getString(1), null),
        Arguments.of("getNString", (Getter) rs -> rs.getNString(1), null),
        Arguments.of("getBigDecimal", (Getter) rs -> rs.getBigDecimal(1), null),
        Arguments.of("getBigDecimal(scale)", (Getter) rs -> rs.getBigDecimal(1, 2), null),
        Arguments.of("getBytes", (Getter) rs -> rs.getBytes(1), null),
        Arguments.of("getDate", (Getter) rs -> rs.getDate(1), null),
        Arguments.of("getTime", (Getter) rs -> rs.getTime(1, null), null),
        Arguments.of("getTimestamp", (Getter) rs -> rs.getTimestamp(1), null),
        Arguments.of("getObject", (Getter) rs -> rs.getObject(1), null),
        Arguments.of("getObject(Long)", (Getter) rs -> rs.getObject(1, Long.class), null),
        Arguments.of("getCharacterStream", (Getter) rs -> rs.getCharacterStream(1), null),
        Arguments.of("getNCharacterStream", (Getter) rs -> rs.getNCharacterStream(1), null),
        Arguments.of("getBinaryStream", (Getter) rs -> rs.getBinaryStream(1), null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("gettersOnNull")
  void aNullGivesZeroFalseOrNullAndSetsWasNull(String name, Getter getter, Object expected)
      throws SQLException {
    XClusterResultSet resultSet = Results.single(null);
    assertEquals(expected, getter.read(resultSet));
    assertTrue(resultSet.wasNull());
  }

  @Test
  @SuppressWarnings("deprecation")
  void gettersByLabelAndByIndexAgree() throws SQLException {
    XClusterResultSet resultSet =
        Results.forwardOnly(List.of("amount"), new Object[] {new BigDecimal("12.345")});
    resultSet.next();
    assertEquals(resultSet.getString(1), resultSet.getString("amount"));
    assertEquals(resultSet.getBigDecimal(1, 2), resultSet.getBigDecimal("amount", 2));
    assertEquals(new BigDecimal("12.35"), resultSet.getBigDecimal("amount", 2));
    assertEquals(12, resultSet.getByte("amount"));
    assertEquals(12, resultSet.getShort("amount"));
    assertEquals(12L, resultSet.getLong("amount"));
    assertEquals(12.345f, resultSet.getFloat("amount"));
    assertEquals(12.345, resultSet.getDouble("amount"));
    assertTrue(resultSet.getBoolean("amount"));
    assertEquals(12, resultSet.getObject("amount", Integer.class));
    assertEquals(new BigDecimal("12.345"), resultSet.getObject("amount"));
    assertEquals(new BigDecimal("12.345"), resultSet.getObject("amount", Map.of()));
    assertEquals("12.345", resultSet.getNString("amount"));
  }

  @Test
  void streamsAreTheStringOrTheBytes() throws SQLException, IOException {
    XClusterResultSet resultSet =
        Results.forwardOnly(List.of("text", "bytes"), new Object[] {"héllo", new byte[] {1, 2}});
    resultSet.next();
    try (Reader reader = resultSet.getCharacterStream("text")) {
      char[] buffer = new char[10];
      assertEquals("héllo", new String(buffer, 0, reader.read(buffer)));
    }
    try (Reader reader = resultSet.getNCharacterStream(1)) {
      assertEquals('h', reader.read());
    }
    assertArrayEquals(new byte[] {1, 2}, resultSet.getBinaryStream("bytes").readAllBytes());
  }

  @Test
  void getObjectWithTypeMappingsIsUnsupported() throws SQLException {
    XClusterResultSet resultSet = Results.single(1);
    assertEquals(1, resultSet.getObject(1, (Map<String, Class<?>>) null));
    assertState("0A000", () -> resultSet.getObject(1, Map.of("point", Object.class)));
  }

  @Test
  void aConversionErrorNamesTheLabel() throws SQLException {
    XClusterResultSet resultSet = Results.forwardOnly(List.of("created_at"), new Object[] {"soon"});
    resultSet.next();
    SQLException thrown = assertState("22018", () -> resultSet.getTimestamp("created_at"));
    assertEquals(
        "column 'created_at': cannot convert a java.lang.String value to java.sql.Timestamp",
        thrown.getMessage());
  }

  // ---- descriptions and settings ----

  @Test
  void aSyntheticResultIsReadOnlyAndHeldOverCommit() throws SQLException {
    XClusterResultSet resultSet = Results.scrollable(List.of("a"));
    assertEquals(ResultSet.CONCUR_READ_ONLY, resultSet.getConcurrency());
    assertEquals(ResultSet.HOLD_CURSORS_OVER_COMMIT, resultSet.getHoldability());
    assertEquals(ResultSet.TYPE_SCROLL_INSENSITIVE, resultSet.getType());
    assertEquals(ResultSet.FETCH_FORWARD, resultSet.getFetchDirection());
    assertNull(resultSet.getWarnings());
    resultSet.clearWarnings();
    assertNull(resultSet.getStatement());
  }

  @Test
  void getStatementIsTheOwner() throws SQLException {
    Statement owner =
        (Statement)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {Statement.class},
                (proxy, method, args) -> null);
    XClusterResultSet resultSet =
        new XClusterResultSet(
            Results.columns("a"),
            RowSource.of(List.of()),
            owner,
            ResultSet.TYPE_FORWARD_ONLY,
            () -> {});
    assertSame(owner, resultSet.getStatement());
  }

  @Test
  void theFetchSizeIsKeptAndPassedToTheSource() throws SQLException {
    CountingSource source = new CountingSource();
    XClusterResultSet resultSet =
        new XClusterResultSet(
            Results.columns("a"), source, null, ResultSet.TYPE_FORWARD_ONLY, () -> {});
    assertEquals(0, resultSet.getFetchSize());
    resultSet.setFetchSize(500);
    assertEquals(500, resultSet.getFetchSize());
    assertEquals(500, source.fetchSizeHint);
    assertState("22023", () -> resultSet.setFetchSize(-1));
    assertEquals(500, resultSet.getFetchSize());
  }

  @Test
  void unwrapGivesTheResultSetItselfOnly() throws SQLException {
    XClusterResultSet resultSet = Results.forwardOnly(List.of("a"));
    assertSame(resultSet, resultSet.unwrap(ResultSet.class));
    assertSame(resultSet, resultSet.unwrap(XClusterResultSet.class));
    assertTrue(resultSet.isWrapperFor(Wrapper.class));
    assertFalse(resultSet.isWrapperFor(Statement.class));
    assertState("22023", () -> resultSet.unwrap(Statement.class));
  }

  @Test
  void onlyForwardOnlyAndScrollInsensitiveAreBuilt() {
    IllegalArgumentException thrown =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new XClusterResultSet(
                    Results.columns("a"),
                    RowSource.of(List.of()),
                    null,
                    ResultSet.TYPE_SCROLL_SENSITIVE,
                    () -> {}));
    assertTrue(thrown.getMessage().contains("1005"), thrown.getMessage());
  }

  // ---- unsupported ----

  interface Call {
    void on(ResultSet resultSet) throws SQLException;
  }

  @SuppressWarnings("deprecation")
  static Stream<Arguments> unsupportedCalls() {
    return Stream.of(
        Arguments.of("updateInt", (Call) rs -> rs.updateInt(1, 2)),
        Arguments.of("updateString", (Call) rs -> rs.updateString("a", "x")),
        Arguments.of("updateObject", (Call) rs -> rs.updateObject(1, 2, java.sql.JDBCType.INTEGER)),
        Arguments.of("updateNull", (Call) rs -> rs.updateNull("a")),
        Arguments.of("insertRow", (Call) ResultSet::insertRow),
        Arguments.of("deleteRow", (Call) ResultSet::deleteRow),
        Arguments.of("moveToInsertRow", (Call) ResultSet::moveToInsertRow),
        Arguments.of("refreshRow", (Call) ResultSet::refreshRow),
        Arguments.of("rowUpdated", (Call) ResultSet::rowUpdated),
        Arguments.of("getBlob", (Call) rs -> rs.getBlob(1)),
        Arguments.of("getClob", (Call) rs -> rs.getClob("a")),
        Arguments.of("getArray", (Call) rs -> rs.getArray(1)),
        Arguments.of("getRef", (Call) rs -> rs.getRef(1)),
        Arguments.of("getRowId", (Call) rs -> rs.getRowId(1)),
        Arguments.of("getSQLXML", (Call) rs -> rs.getSQLXML(1)),
        Arguments.of("getNClob", (Call) rs -> rs.getNClob(1)),
        Arguments.of("getURL", (Call) rs -> rs.getURL(1)),
        Arguments.of("getAsciiStream", (Call) rs -> rs.getAsciiStream(1)),
        Arguments.of("getUnicodeStream", (Call) rs -> rs.getUnicodeStream("a")),
        Arguments.of("getCursorName", (Call) ResultSet::getCursorName));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unsupportedCalls")
  void unsupportedMethodsSay0A000AndTheirName(String method, Call call) throws SQLException {
    XClusterResultSet resultSet = Results.single(1);
    SQLException thrown = assertState("0A000", () -> call.on(resultSet));
    assertInstanceOf(SQLFeatureNotSupportedException.class, thrown);
    assertTrue(thrown.getMessage().contains("ResultSet." + method), thrown.getMessage());
  }
}
