package io.xcluster.driver.result;

import static io.xcluster.driver.result.SqlAssertions.assertState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xcluster.driver.result.Results.CountingSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CursorRulesTest {
  private static final String INVALID_CURSOR_STATE = "24000";

  private static XClusterResultSet forwardOnly(CountingSource source) {
    return new XClusterResultSet(
        Results.columns("n"), source, null, ResultSet.TYPE_FORWARD_ONLY, () -> {});
  }

  private static XClusterResultSet scrollable(CountingSource source) {
    return new XClusterResultSet(
        Results.columns("n"), source, null, ResultSet.TYPE_SCROLL_INSENSITIVE, () -> {});
  }

  private static XClusterResultSet threeRows() {
    return scrollable(new CountingSource(new Object[] {1}, new Object[] {2}, new Object[] {3}));
  }

  // ---- a source that fails half-way ----

  @ParameterizedTest(name = "{0}")
  @MethodSource("bothKinds")
  void aFailedReadKeepsFailingInsteadOfEndingTheRows(String kind, int type) throws SQLException {
    CountingSource source = new CountingSource(new Object[] {1}, new Object[] {2}, new Object[] {3});
    source.failingCall = 2;
    XClusterResultSet resultSet = new XClusterResultSet(Results.columns("n"), source, null, type, () -> {});
    if (type == ResultSet.TYPE_FORWARD_ONLY) {
      assertTrue(resultSet.next());
    }
    assertState("08006", resultSet::next);
    SQLException again = assertState("55000", resultSet::next);
    assertTrue(again.getMessage().contains("connection reset while reading rows"), again.getMessage());
    assertEquals("08006", ((SQLException) again.getCause()).getSQLState());
  }

  static Stream<Arguments> bothKinds() {
    return Stream.of(Arguments.of("forward-only", ResultSet.TYPE_FORWARD_ONLY),
        Arguments.of("scroll-insensitive", ResultSet.TYPE_SCROLL_INSENSITIVE));
  }

  // ---- forward-only ----

  @Test
  void forwardOnlyReadsEachRowOnceThenStopsAskingTheSource() throws SQLException {
    CountingSource source = new CountingSource(new Object[] {1}, new Object[] {2});
    XClusterResultSet resultSet = forwardOnly(source);
    assertTrue(resultSet.next());
    assertEquals(1, resultSet.getInt(1));
    assertTrue(resultSet.next());
    assertEquals(2, resultSet.getInt("n"));
    assertFalse(resultSet.next());
    assertFalse(resultSet.next());
    assertEquals(3, source.nextCalls);
  }

  @Test
  void forwardOnlyStreamsWithoutReadingAhead() throws SQLException {
    CountingSource source = new CountingSource(new Object[] {1}, new Object[] {2});
    XClusterResultSet resultSet = forwardOnly(source);
    assertEquals(0, source.nextCalls);
    resultSet.next();
    assertEquals(1, source.nextCalls);
  }

  @Test
  void readingBeforeTheFirstRowIsAnInvalidCursorState() {
    XClusterResultSet resultSet = forwardOnly(new CountingSource(new Object[] {1}));
    SQLException thrown = assertState(INVALID_CURSOR_STATE, () -> resultSet.getInt(1));
    assertTrue(thrown.getMessage().contains("before the first row"), thrown.getMessage());
  }

  @Test
  void readingAfterTheLastRowIsAnInvalidCursorState() throws SQLException {
    XClusterResultSet resultSet = forwardOnly(new CountingSource(new Object[] {1}));
    resultSet.next();
    resultSet.next();
    SQLException thrown = assertState(INVALID_CURSOR_STATE, () -> resultSet.getString("n"));
    assertTrue(thrown.getMessage().contains("after the last row"), thrown.getMessage());
  }

  @Test
  void anEmptyResultHasNoRowToRead() throws SQLException {
    XClusterResultSet resultSet = forwardOnly(new CountingSource());
    assertFalse(resultSet.next());
    assertState(INVALID_CURSOR_STATE, () -> resultSet.getObject(1));
  }

  /** A scroll or position method, by name. */
  interface Call {
    Object on(ResultSet resultSet) throws SQLException;
  }

  static Stream<Arguments> scrollMethods() {
    return Stream.of(
        Arguments.of("previous()", (Call) ResultSet::previous),
        Arguments.of("first()", (Call) ResultSet::first),
        Arguments.of("last()", (Call) ResultSet::last),
        Arguments.of("absolute(int)", (Call) rs -> rs.absolute(1)),
        Arguments.of("relative(int)", (Call) rs -> rs.relative(1)),
        Arguments.of(
            "beforeFirst()",
            (Call)
                rs -> {
                  rs.beforeFirst();
                  return null;
                }),
        Arguments.of(
            "afterLast()",
            (Call)
                rs -> {
                  rs.afterLast();
                  return null;
                }),
        Arguments.of("isBeforeFirst()", (Call) ResultSet::isBeforeFirst),
        Arguments.of("isAfterLast()", (Call) ResultSet::isAfterLast),
        Arguments.of("isFirst()", (Call) ResultSet::isFirst),
        Arguments.of("isLast()", (Call) ResultSet::isLast),
        Arguments.of("getRow()", (Call) ResultSet::getRow),
        Arguments.of(
            "setFetchDirection(1001)",
            (Call)
                rs -> {
                  rs.setFetchDirection(ResultSet.FETCH_REVERSE);
                  return null;
                }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scrollMethods")
  void forwardOnlyRefusesScrollingNamingTheMethod(String method, Call call) throws SQLException {
    XClusterResultSet resultSet = forwardOnly(new CountingSource(new Object[] {1}));
    resultSet.next();
    SQLException thrown = assertState(INVALID_CURSOR_STATE, () -> call.on(resultSet));
    assertTrue(thrown.getMessage().startsWith(method), thrown.getMessage());
    assertTrue(thrown.getMessage().contains("forward-only"), thrown.getMessage());
    assertEquals(1, resultSet.getInt(1), "the refusal leaves the cursor where it was");
  }

  // ---- scroll-insensitive ----

  @Test
  void scrollingReadsEveryRowOnTheFirstMoveAndClosesTheSourceThen() throws SQLException {
    CountingSource source = new CountingSource(new Object[] {1}, new Object[] {2});
    XClusterResultSet resultSet = scrollable(source);
    assertEquals(0, source.nextCalls);
    assertTrue(resultSet.next());
    assertEquals(3, source.nextCalls);
    assertEquals(1, source.closeCalls);
    assertFalse(resultSet.isClosed());
    resultSet.close();
    assertEquals(1, source.closeCalls);
  }

  @Test
  void scrollingMovesToEveryPositionJdbcNames() throws SQLException {
    XClusterResultSet resultSet = threeRows();
    assertTrue(resultSet.isBeforeFirst());
    assertEquals(0, resultSet.getRow());
    assertTrue(resultSet.last());
    assertEquals(3, resultSet.getInt(1));
    assertTrue(resultSet.isLast());
    assertEquals(3, resultSet.getRow());
    assertTrue(resultSet.previous());
    assertEquals(2, resultSet.getInt(1));
    assertTrue(resultSet.first());
    assertTrue(resultSet.isFirst());
    assertEquals(1, resultSet.getInt(1));
    assertTrue(resultSet.relative(2));
    assertEquals(3, resultSet.getInt(1));
    assertTrue(resultSet.relative(-1));
    assertEquals(2, resultSet.getInt(1));
    assertTrue(resultSet.absolute(-3));
    assertEquals(1, resultSet.getInt(1));
    assertTrue(resultSet.absolute(3));
    assertEquals(3, resultSet.getRow());
    assertFalse(resultSet.next());
    assertTrue(resultSet.isAfterLast());
    assertEquals(0, resultSet.getRow());
    assertTrue(resultSet.previous());
    assertEquals(3, resultSet.getInt(1));
  }

  @Test
  void movesBeyondTheEndsStopBeforeTheFirstOrAfterTheLastRow() throws SQLException {
    XClusterResultSet resultSet = threeRows();
    assertFalse(resultSet.absolute(99));
    assertTrue(resultSet.isAfterLast());
    assertFalse(resultSet.absolute(-99));
    assertTrue(resultSet.isBeforeFirst());
    assertFalse(resultSet.relative(Integer.MIN_VALUE));
    assertTrue(resultSet.isBeforeFirst());
    assertFalse(resultSet.relative(Integer.MAX_VALUE));
    assertTrue(resultSet.isAfterLast());
    assertFalse(resultSet.absolute(0));
    assertTrue(resultSet.isBeforeFirst());
    assertFalse(resultSet.previous());
    assertTrue(resultSet.isBeforeFirst());
    assertTrue(resultSet.next());
    assertEquals(1, resultSet.getInt(1));
  }

  @Test
  void beforeFirstAndAfterLastLeaveNoRowToRead() throws SQLException {
    XClusterResultSet resultSet = threeRows();
    resultSet.afterLast();
    assertTrue(resultSet.isAfterLast());
    assertState(INVALID_CURSOR_STATE, () -> resultSet.getInt(1));
    resultSet.beforeFirst();
    assertTrue(resultSet.isBeforeFirst());
    assertState(INVALID_CURSOR_STATE, () -> resultSet.getInt(1));
  }

  @Test
  void anEmptyScrollableResultIsNeitherBeforeFirstNorAfterLast() throws SQLException {
    XClusterResultSet resultSet = scrollable(new CountingSource());
    assertFalse(resultSet.isBeforeFirst());
    assertFalse(resultSet.first());
    assertFalse(resultSet.last());
    assertFalse(resultSet.next());
    assertFalse(resultSet.isAfterLast());
    assertFalse(resultSet.isFirst());
    assertFalse(resultSet.isLast());
    assertEquals(0, resultSet.getRow());
  }

  @Test
  void scrollingAcceptsEveryFetchDirection() throws SQLException {
    XClusterResultSet resultSet = threeRows();
    resultSet.setFetchDirection(ResultSet.FETCH_REVERSE);
    assertEquals(ResultSet.FETCH_REVERSE, resultSet.getFetchDirection());
    resultSet.setFetchDirection(ResultSet.FETCH_UNKNOWN);
    assertEquals(ResultSet.FETCH_UNKNOWN, resultSet.getFetchDirection());
    assertState("22023", () -> resultSet.setFetchDirection(42));
  }

  @Test
  void aRowReadTwiceGivesTheSameValues() throws SQLException {
    XClusterResultSet resultSet =
        Results.scrollable(List.of("bytes"), new Object[] {new byte[] {1, 2}});
    resultSet.first();
    resultSet.getBytes(1)[0] = 9;
    ((byte[]) resultSet.getObject(1))[1] = 9;
    resultSet.first();
    assertEquals(1, resultSet.getBytes(1)[0]);
    assertEquals(2, resultSet.getBytes(1)[1]);
  }
}
