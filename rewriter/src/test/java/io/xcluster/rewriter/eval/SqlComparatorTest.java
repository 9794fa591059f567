package io.xcluster.rewriter.eval;

import io.xcluster.rewriter.Dialect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.xcluster.error.SqlState;
import io.xcluster.error.XClusterException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import org.junit.jupiter.api.Test;

/** ORDER BY in memory: value order across Java types, NULL placement per dialect or as written. */
class SqlComparatorTest {

  private static List<Object> sorted(java.util.Comparator<Object> order, Object... values) {
    List<Object> list = new ArrayList<>(Arrays.asList(values));
    list.sort(order);
    return list;
  }

  @Test
  void postgresPutsNullsLastAscendingAndFirstDescending() {
    assertEquals(Arrays.asList(1L, 2L, null), sorted(SqlComparator.of(Dialect.POSTGRESQL, false), 2L, null, 1L));
    assertEquals(Arrays.asList(null, 2L, 1L), sorted(SqlComparator.of(Dialect.POSTGRESQL, true), 2L, null, 1L));
  }

  @Test
  void mysqlPutsNullsFirstAscendingAndLastDescending() {
    assertEquals(Arrays.asList(null, 1L, 2L), sorted(SqlComparator.of(Dialect.MYSQL, false), 2L, null, 1L));
    assertEquals(Arrays.asList(2L, 1L, null), sorted(SqlComparator.of(Dialect.MYSQL, true), 2L, null, 1L));
  }

  @Test
  void explicitNullOrderingWinsInEitherDirection() {
    assertEquals(Arrays.asList(null, 1L, 2L), sorted(SqlComparator.of(false, NullOrdering.NULLS_FIRST), 2L, null, 1L));
    assertEquals(Arrays.asList(2L, 1L, null), sorted(SqlComparator.of(true, NullOrdering.NULLS_LAST), 2L, null, 1L));
  }

  @Test
  void numbersSortByValueAcrossJavaTypes() {
    List<Object> values = sorted(SqlComparator.of(false, NullOrdering.NULLS_LAST),
        new BigDecimal("2.50"), 3, 1L, 2.25, new BigDecimal("-1"), 2.75f);
    assertEquals(Arrays.asList(new BigDecimal("-1"), 1L, 2.25, new BigDecimal("2.50"), 2.75f, 3), values);
  }

  @Test
  void equalValuesOfDifferentTypesCompareEqual() {
    assertEquals(0, SqlComparator.compareValues(1, new BigDecimal("1.00")));
    assertEquals(0, SqlComparator.compareValues(1L, 1.0));
  }

  @Test
  void textSortsByCodePointAsTheCCollationDoes() {
    List<Object> values = sorted(SqlComparator.of(false, NullOrdering.NULLS_LAST), "b", "B", "a", "\uD83D\uDE00",
        "\uFFFD", "é");
    assertEquals(Arrays.asList("B", "a", "b", "é", "\uFFFD", "\uD83D\uDE00"), values);
  }

  @Test
  void mixedTextAndNumbersAreRefused() {
    XClusterException refusal = assertThrows(XClusterException.class,
        () -> sorted(SqlComparator.of(false, NullOrdering.NULLS_LAST), "1", 2L));
    assertEquals(SqlState.FEATURE_NOT_SUPPORTED, refusal.state());
  }

  @Test
  void rowsSortByEachKeyInTurn() {
    List<Object[]> rows = new ArrayList<>(List.of(new Object[] {1L, "b"}, new Object[] {null, "a"},
        new Object[] {1L, null}, new Object[] {2L, "a"}, new Object[] {1L, "a"}));
    rows.sort(SqlComparator.rows(List.of(new SortKey(0, true, NullOrdering.NULLS_LAST),
        new SortKey(1, false, NullOrdering.NULLS_FIRST))));
    assertEquals("[[2, a], [1, null], [1, a], [1, b], [null, a]]",
        Arrays.deepToString(rows.toArray()));
  }

  @Test
  void sortKeysReadOrderByElements() throws JSQLParserException {
    List<OrderByElement> order = ((PlainSelect) CCJSqlParserUtil.parse(
        "SELECT * FROM t ORDER BY a, b DESC, c NULLS FIRST, d DESC NULLS LAST")).getOrderByElements();
    assertEquals(new SortKey(0, false, NullOrdering.NULLS_LAST), SortKey.of(0, order.get(0), Dialect.POSTGRESQL));
    assertEquals(new SortKey(1, true, NullOrdering.NULLS_FIRST), SortKey.of(1, order.get(1), Dialect.POSTGRESQL));
    assertEquals(new SortKey(1, true, NullOrdering.NULLS_LAST), SortKey.of(1, order.get(1), Dialect.MYSQL));
    assertEquals(new SortKey(2, false, NullOrdering.NULLS_FIRST), SortKey.of(2, order.get(2), Dialect.POSTGRESQL));
    assertEquals(new SortKey(3, true, NullOrdering.NULLS_LAST), SortKey.of(3, order.get(3), Dialect.POSTGRESQL));
  }
}
