package io.xcluster.rewriter.cross;

import io.xcluster.rewriter.Dialect;
import io.xcluster.rewriter.cross.Scope.ColumnRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.sf.jsqlparser.expression.Expression;

/**
 * FROM items of one cluster that run as one query, and what that query selects and filters. Built while
 * planning: conditions are pushed in, columns and expressions are asked for (each once), and finally it is
 * printed as SQL.
 */
final class Group {
  final List<Leaf> leaves = new ArrayList<>();
  final List<Conjunct> pushed = new ArrayList<>();
  private final List<Object> items = new ArrayList<>();
  private final Map<ColumnRef, Integer> columnItems = new HashMap<>();
  private final Map<Expression, Integer> expressionItems = new IdentityHashMap<>();
  private final List<String> orderBy = new ArrayList<>();
  private final List<Expression> orderByExpressions = new ArrayList<>();
  int offset;

  Group(Leaf first) {
    leaves.add(first);
  }

  String cluster() {
    return leaves.get(0).cluster();
  }

  Dialect dialect() {
    return leaves.get(0).dialect();
  }

  /** A derived table spanning clusters: no SQL of its own; its items are the columns of its plan's result. */
  boolean isDerived() {
    return leaves.get(0).isDerived();
  }

  /** The column or expression behind an item. */
  Object item(int index) {
    return isDerived() ? new ColumnRef(leaves.get(0).position(), index) : items.get(index);
  }

  boolean contains(int leaf) {
    return leaves.stream().anyMatch(l -> l.position() == leaf);
  }

  /** The item index of a column, selecting it if it is not selected yet. */
  int column(ColumnRef column) {
    return isDerived() ? column.column() : columnItems.computeIfAbsent(column, c -> add(c));
  }

  /** The item index of an expression the cluster computes (each expression object selected once). */
  int expression(Expression expression) {
    return expressionItems.computeIfAbsent(expression, e -> add(e));
  }

  /**
   * Sorts this group's query by one of its items. NULLS FIRST/LAST is spelled out where the database has it;
   * MySQL, which lacks it, gets an {@code IS NULL} term first when its default placement is not the one wanted.
   */
  void orderBy(int item, boolean ascending, boolean nullsFirst) {
    Object selected = items.get(item);
    orderBy.addAll(orderTerms(item, ascending, nullsFirst));
    if (selected instanceof Expression expression) {
      orderByExpressions.add(expression);
      if (dialect() == Dialect.MYSQL && dialect().nullsFirst(ascending) != nullsFirst) {
        orderByExpressions.add(expression);
      }
    }
  }

  /** The ORDER BY terms for one item, in this group's dialect (MySQL: an IS NULL term for the NULLs' place). */
  List<String> orderTerms(int item, boolean ascending, boolean nullsFirst) {
    Object selected = items.get(item);
    String term = selected instanceof ColumnRef column ? columnSql(column) : selected.toString();
    String direction = ascending ? " ASC" : " DESC";
    if (dialect() != Dialect.MYSQL) {
      return List.of(term + direction + (nullsFirst ? " NULLS FIRST" : " NULLS LAST"));
    }
    if (dialect().nullsFirst(ascending) != nullsFirst) {
      return List.of(term + (nullsFirst ? " IS NOT NULL" : " IS NULL"), term + direction);
    }
    return List.of(term + direction);
  }

  private int add(Object item) {
    items.add(item);
    return items.size() - 1;
  }

  int width() {
    return isDerived() ? leaves.get(0).columns().size() : items.size();
  }

  String describeTables() {
    return leaves.stream().map(Leaf::describe).collect(Collectors.joining(", "));
  }

  String columnSql(ColumnRef column) {
    Leaf leaf = leaves.stream().filter(l -> l.position() == column.leaf()).findFirst().orElseThrow();
    return Quoting.forDialect(leaf.qualifierSql(), dialect()) + "." + quote(leaf.columnName(column.column()));
  }

  /**
   * The group's query. Parameters appear in the order: selected expressions, then derived tables in FROM, then
   * pushed conditions, then ORDER BY, as the returned parameter list says.
   */
  String sql(List<Integer> parameters) {
    StringBuilder text = new StringBuilder("SELECT ");
    for (int i = 0; i < items.size(); i++) {
      text.append(i == 0 ? "" : ", ");
      Object item = items.get(i);
      if (item instanceof ColumnRef column) {
        text.append(columnSql(column));
      } else {
        Expression expression = (Expression) item;
        text.append(expression);
        ExpressionFacts.of(expression).parameters.forEach(p -> parameters.add(p.getIndex()));
      }
    }
    if (items.isEmpty()) {
      text.append("1");
    }
    text.append(" FROM ").append(leaves.stream().map(Leaf::sql).collect(Collectors.joining(", ")));
    leaves.forEach(leaf -> parameters.addAll(leaf.parameters()));
    for (int i = 0; i < pushed.size(); i++) {
      text.append(i == 0 ? " WHERE (" : " AND (").append(pushed.get(i).expression()).append(')');
      pushed.get(i).facts().parameters.forEach(p -> parameters.add(p.getIndex()));
    }
    if (!orderBy.isEmpty()) {
      text.append(" ORDER BY ").append(String.join(", ", orderBy));
      orderByExpressions.forEach(e -> ExpressionFacts.of(e).parameters.forEach(p -> parameters.add(p.getIndex())));
    }
    return Quoting.forDialect(text.toString(), dialect());
  }

  /**
   * Whether a statement parameter feeds what this group's query selects: one of its selected expressions, or a
   * derived table in its FROM (counted whatever the place of the parameter inside it).
   */
  boolean selectsParameters() {
    return leaves.stream().anyMatch(leaf -> !leaf.parameters().isEmpty())
        || items.stream().anyMatch(item -> item instanceof Expression expression
            && !ExpressionFacts.of(expression).parameters.isEmpty());
  }

  /**
   * This group's query without its derived table, when the group is one partial-aggregation table read as it
   * is (no condition, sort or expression of the outer query on it): see {@link PartialQuery}. The bound keys'
   * predicate goes between {@code head} and {@code tail}; the parameters are recorded as {@link #sql} does.
   */
  java.util.Optional<UnwrappedQuery> unwrappedPartial(List<Integer> parameters) {
    Leaf leaf = leaves.get(0);
    if (leaves.size() != 1 || leaf.partial().isEmpty() || !pushed.isEmpty() || !orderBy.isEmpty() || items.isEmpty()) {
      return java.util.Optional.empty();
    }
    PartialQuery partial = leaf.partial().get();
    List<String> selected = new ArrayList<>();
    for (Object item : items) {
      java.util.Optional<String> sql = item instanceof ColumnRef column
          ? partial.item(leaf.columnName(column.column())) : java.util.Optional.empty();
      if (sql.isEmpty()) {
        return java.util.Optional.empty();
      }
      selected.add(sql.get());
    }
    parameters.addAll(leaf.parameters());
    return java.util.Optional.of(new UnwrappedQuery(
        "SELECT " + String.join(", ", selected) + " " + partial.fromAndWhere(), partial.hasWhere(), partial.groupBy()));
  }

  /** A grouped query with room for a key predicate: {@code head [WHERE|AND] predicate tail}. */
  record UnwrappedQuery(String head, boolean hasWhere, String tail) {}

  private String quote(String column) {
    return dialect() == Dialect.MYSQL
        ? '`' + column.replace("`", "``") + '`'
        : '"' + column.replace("\"", "\"\"") + '"';
  }
}
