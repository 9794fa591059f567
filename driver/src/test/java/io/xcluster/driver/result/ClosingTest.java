package io.xcluster.driver.result;

import static io.xcluster.driver.result.SqlAssertions.assertState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xcluster.driver.result.Results.CountingSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClosingTest {
  private final AtomicInteger onCloseRuns = new AtomicInteger();

  private XClusterResultSet resultSet(RowSource source, int type) {
    return new XClusterResultSet(
        Results.columns("a"), source, null, type, onCloseRuns::incrementAndGet);
  }

  @ParameterizedTest
  @ValueSource(ints = {ResultSet.TYPE_FORWARD_ONLY, ResultSet.TYPE_SCROLL_INSENSITIVE})
  void closingClosesTheSourceAndRunsOnCloseExactlyOnce(int type) throws SQLException {
    CountingSource source = new CountingSource(new Object[] {1});
    XClusterResultSet resultSet = resultSet(source, type);
    resultSet.next();
    resultSet.close();
    resultSet.close();
    assertTrue(resultSet.isClosed());
    assertEquals(1, source.closeCalls);
    assertEquals(1, onCloseRuns.get());
  }

  @Test
  void closingBeforeAnyReadStillFreesEverything() {
    CountingSource source = new CountingSource(new Object[] {1});
    XClusterResultSet resultSet = resultSet(source, ResultSet.TYPE_SCROLL_INSENSITIVE);
    resultSet.close();
    assertEquals(1, source.closeCalls);
    assertEquals(1, onCloseRuns.get());
  }

  @Test
  void readingToTheEndDoesNotClose() throws SQLException {
    CountingSource source = new CountingSource(new Object[] {1});
    XClusterResultSet resultSet = resultSet(source, ResultSet.TYPE_FORWARD_ONLY);
    while (resultSet.next()) {
      resultSet.getInt(1);
    }
    assertFalse(resultSet.isClosed());
    assertEquals(0, source.closeCalls);
    assertEquals(0, onCloseRuns.get());
  }

  @Test
  void onCloseRunsEvenWhenTheSourceFailsToClose() {
    RowSource failing =
        new RowSource() {
          @Override
          public boolean next() {
            return false;
          }

          @Override
          public Object value(int column) {
            throw new IllegalStateException("no rows");
          }

          @Override
          public void close() {
            throw new IllegalStateException("the merge thread is gone");
          }
        };
    XClusterResultSet resultSet = resultSet(failing, ResultSet.TYPE_FORWARD_ONLY);
    assertThrows(IllegalStateException.class, resultSet::close);
    assertEquals(1, onCloseRuns.get());
    assertTrue(resultSet.isClosed());
    resultSet.close();
    assertEquals(1, onCloseRuns.get());
  }

  /** A call on a result set, by name. */
  interface Call {
    Object on(ResultSet resultSet) throws SQLException;
  }

  static Stream<Arguments> callsAfterClose() {
    return Stream.of(
        Arguments.of("next", (Call) ResultSet::next),
        Arguments.of("getString(int)", (Call) rs -> rs.getString(1)),
        Arguments.of("getInt(String)", (Call) rs -> rs.getInt("a")),
        Arguments.of("getObject(int, Class)", (Call) rs -> rs.getObject(1, Integer.class)),
        Arguments.of("findColumn", (Call) rs -> rs.findColumn("a")),
        Arguments.of("wasNull", (Call) ResultSet::wasNull),
        Arguments.of("getMetaData", (Call) ResultSet::getMetaData),
        Arguments.of("getStatement", (Call) ResultSet::getStatement),
        Arguments.of("getType", (Call) ResultSet::getType),
        Arguments.of("getConcurrency", (Call) ResultSet::getConcurrency),
        Arguments.of("getHoldability", (Call) ResultSet::getHoldability),
        Arguments.of("getFetchSize", (Call) ResultSet::getFetchSize),
        Arguments.of(
            "setFetchSize",
            (Call)
                rs -> {
                  rs.setFetchSize(10);
                  return null;
                }),
        Arguments.of("getWarnings", (Call) ResultSet::getWarnings),
        Arguments.of("first", (Call) ResultSet::first),
        Arguments.of("getRow", (Call) ResultSet::getRow),
        Arguments.of("isWrapperFor", (Call) rs -> rs.isWrapperFor(ResultSet.class)),
        Arguments.of("unwrap", (Call) rs -> rs.unwrap(ResultSet.class)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("callsAfterClose")
  void everyCallAfterCloseSaysTheResultSetIsClosed(String name, Call call) throws SQLException {
    XClusterResultSet resultSet =
        resultSet(new CountingSource(new Object[] {1}), ResultSet.TYPE_SCROLL_INSENSITIVE);
    resultSet.next();
    resultSet.close();
    SQLException thrown = assertState("55000", () -> call.on(resultSet));
    assertEquals("this result set is closed", thrown.getMessage());
  }
}
