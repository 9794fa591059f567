package io.xcluster.rewriter.cross;

import io.xcluster.rewriter.Dialect;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * A partial-aggregation table ({@link PartialAggregation}) taken apart, so that its cluster can run it as the
 * grouped query it is rather than as a derived table the bound keys filter from outside: MariaDB materialises
 * such a derived table and evaluates the key list twice (0.2 to 0.4 ms of a 2.5 ms query binding 500 keys),
 * PostgreSQL plans both forms alike. Filtering the keys before grouping is exact because they are GROUP BY
 * columns: a group holds rows of one key only.
 *
 * @param items each selected item as SQL ({@code COUNT(*) AS xc_a1}), by its alias in lower case
 * @param fromAndWhere {@code FROM <table> [WHERE <its own filters>]}
 * @param hasWhere whether {@code fromAndWhere} ends in a WHERE clause
 * @param groupBy {@code GROUP BY <keys>}, which follows the key predicate
 */
record PartialQuery(Map<String, String> items, String fromAndWhere, boolean hasWhere, String groupBy) {
  /** Keys whose name means the same column inside the derived table and outside it (no quoting, no case). */
  private static final Pattern PLAIN_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

  /**
   * The pieces of {@code inner}, the derived table's SELECT; empty when it must stay wrapped: no GROUP BY, a
   * parameter among its items (the items are reordered, the parameters would be too), or a key whose name
   * quoting or case could change.
   */
  static Optional<PartialQuery> of(PlainSelect inner, Dialect dialect) {
    if (inner.getGroupBy() == null || (inner.getJoins() != null && !inner.getJoins().isEmpty())) {
      return Optional.empty();
    }
    Map<String, String> items = new LinkedHashMap<>();
    for (SelectItem<?> item : inner.getSelectItems()) {
      String alias = item.getAlias() == null ? null : item.getAlias().getName();
      if (alias == null || !PLAIN_NAME.matcher(alias).matches()
          || !ExpressionFacts.of(item.getExpression()).parameters.isEmpty()) {
        return Optional.empty();
      }
      items.put(alias, Quoting.forDialect(item.toString(), dialect));
    }
    // parenthesised: the key predicate is AND-ed after it, and an OR among its conditions must not absorb it
    String where = inner.getWhere() == null ? "" : " WHERE (" + inner.getWhere() + ")";
    return Optional.of(new PartialQuery(items,
        Quoting.forDialect("FROM " + inner.getFromItem() + where, dialect), inner.getWhere() != null,
        Quoting.forDialect(" " + inner.getGroupBy(), dialect)));
  }

  /** The item selected under {@code name}, as SQL; empty for a name the derived table does not select. */
  Optional<String> item(String name) {
    return Optional.ofNullable(items.get(name.toLowerCase(Locale.ROOT)));
  }
}
